package org.sharingledger.projections.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/** The model every page's header needs, and the error pages built on it. */
public final class PageModel {

    private PageModel() {}

    /** Who is signed in, and the way to their own pages. */
    public static void addCommon(BiConsumer<String, Object> model) {
        Optional<Actor> actor = CurrentActor.find();
        model.accept("viewer", actor.orElse(null));
        model.accept("trustReviewer", actor.map(a -> a.has(Role.TRUST_REVIEWER)).orElse(false));
        model.accept(
                "ownDashboard",
                actor.filter(a -> a.has(Role.NOMINATED_REPRESENTATIVE) && a.agencyId() != null)
                        .map(a -> dashboardPath(a.agencyId()))
                        .orElse(null));
        model.accept(
                "ownCommissioned",
                actor.filter(a -> a.has(Role.NOMINATED_REPRESENTATIVE) && a.agencyId() != null)
                        .map(a -> "/commissioned/" + UriUtils.encodePathSegment(a.agencyId(), StandardCharsets.UTF_8))
                        .orElse(null));
        model.accept(
                "workList",
                actor.map(a -> a.has(Role.TRUST_REVIEWER)
                                || (a.agencyId() != null && a.hasAny(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE)))
                        .orElse(false));
        model.accept(
                "makesRequests",
                actor.map(a -> a.agencyId() != null && a.hasAny(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE))
                        .orElse(false));
        model.accept(
                "roles",
                actor.map(a -> a.roles().stream().map(Role::name).toList()).orElse(List.<String>of()));
    }

    /** An agency's dashboard page. */
    public static String dashboardPath(String agencyId) {
        return "/dashboard/" + UriUtils.encodePathSegment(agencyId, StandardCharsets.UTF_8);
    }

    /** A page that answers {@code status} with a message: {@code denied} or {@code problem}. */
    public static ModelAndView page(String view, HttpStatus status, String message) {
        ModelAndView page = new ModelAndView(view, status);
        addCommon(page::addObject);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
