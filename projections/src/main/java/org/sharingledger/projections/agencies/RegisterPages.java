package org.sharingledger.projections.agencies;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.DateBounds;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register over time, for the Trust, the administrators and the nominated representatives: the signatories on any
 * day ({@code /register}) and the changes between two days ({@code /register/changes}). Plain GET forms, so each page's
 * address can be bookmarked; a date that is no date, or out of bounds, is a 400 page naming it.
 */
@Controller
@Hidden
@LedgerPage
class RegisterPages {

    private final Membership membership;
    private final CodeVersions codeVersions;
    private final Vocabulary words;
    private final Clock clock;

    RegisterPages(Membership membership, CodeVersions codeVersions, Vocabulary words, Clock clock) {
        this.membership = membership;
        this.codeVersions = codeVersions;
        this.words = words;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model) {
        PageModel.addCommon(model::addAttribute);
        model.addAttribute("words", words);
    }

    @GetMapping("/register")
    String register(@RequestParam(required = false) String asOf, Model model) {
        Membership.requireReader(CurrentActor.get());
        LocalDate day = date("asOf", asOf, today());
        DateBounds.check("asOf", day, "asOf", null, clock);
        model.addAttribute("asOf", day);
        model.addAttribute("today", day.equals(today()));
        model.addAttribute("signatories", membership.on(day));
        model.addAttribute("currentCode", codeVersions.current().orElse(null));
        return "register";
    }

    @GetMapping("/register/changes")
    String changes(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Membership.requireReader(CurrentActor.get());
        LocalDate end = date("to", to, today());
        LocalDate start = date("from", from, end.minusYears(1).plusDays(1));
        DateBounds.check("from", start, "to", end, clock);
        model.addAttribute("changes", membership.between(start, end));
        model.addAttribute("dayBefore", start.minusDays(1));
        return "register-changes";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be a date such as 2009-03-31");
        }
    }
}
