package org.sharingledger.projections.operations;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageForm;
import org.sharingledger.projections.pages.PageModel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/read-models}, for administrators: each replayable read model's state, how far behind the events it
 * is, how its last rebuild went (rebuilt, or how far it has come), and a button that rebuilds it. The same figures as
 * {@code GET /api/admin/read-models} and the metrics.
 */
@Controller
@LedgerPage
class ReadModelPages {

    /** A time as the pages write it: {@code 31 March 2010, 17:00:05}, in UTC. */
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK).withZone(ZoneOffset.UTC);

    private final ReadModels readModels;

    ReadModelPages(ReadModels readModels) {
        this.readModels = readModels;
    }

    @ModelAttribute
    void common(Model model) {
        PageModel.addCommon(model::addAttribute);
    }

    @GetMapping("/admin/read-models")
    ModelAndView page(Model model) {
        adminOnly();
        return page(model, null, HttpStatus.OK);
    }

    @PostMapping("/admin/read-models/{name}/rebuild")
    ModelAndView rebuild(@PathVariable String name, Model model, RedirectAttributes redirect) {
        adminOnly();
        readModels.one(name); // 404 for a read model there is not
        try {
            ReadModels.Status status = readModels.rebuild(name);
            redirect.addFlashAttribute(
                    "confirmation",
                    "Rebuilding " + name + ": emptied, and replaying " + status.head()
                            + " events while the ledger keeps running.");
            return PageForm.seeOther("/admin/read-models");
        } catch (StepNotAllowed e) {
            return page(model, "Nothing was started: " + e.getMessage() + ".", HttpStatus.CONFLICT);
        }
    }

    private ModelAndView page(Model model, String conflict, HttpStatus status) {
        List<ReadModels.Status> models = readModels.all();
        Map<String, String> finished = new HashMap<>();
        models.stream()
                .filter(m -> m.rebuild() != null && m.rebuild().finishedAt() != null)
                .forEach(m -> finished.put(m.name(), AT.format(m.rebuild().finishedAt())));
        // While a rebuild runs: how far it has come, in whole percent of the events it replays (rounded down, so
        // 100 % only once every one is done).
        Map<String, Long> percent = new HashMap<>();
        models.stream()
                .filter(m -> m.rebuild() != null && m.rebuild().finishedAt() == null)
                .forEach(m -> percent.put(m.name(), percentDone(m.rebuild())));
        model.addAttribute("models", models);
        model.addAttribute("finished", finished);
        model.addAttribute("percent", percent);
        model.addAttribute("head", readModels.head());
        model.addAttribute("conflict", conflict);
        ModelAndView page = new ModelAndView("admin-read-models");
        page.setStatus(status);
        return page;
    }

    static long percentDone(ReadModels.RebuildProgress rebuild) {
        return rebuild.eventsTotal() <= 0 ? 100 : Math.min(100, rebuild.eventsDone() * 100 / rebuild.eventsTotal());
    }

    private static void adminOnly() {
        if (!CurrentActor.get().has(Role.ADMIN)) {
            throw new NotPermitted("only an ADMIN may see and rebuild the read models");
        }
    }
}
