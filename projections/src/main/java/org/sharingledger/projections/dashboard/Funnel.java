package org.sharingledger.projections.dashboard;

import org.sharingledger.projections.pages.Labelled;

/**
 * Funnel-plot control limits for a proportion (Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Statistics in Medicine 2005), as NHS and social-care analysts use them to tell a real outlier from
 * the noise of small numbers.
 * <p>
 * For an area-wide refusal rate {@code p} and an agency that decided {@code n} requests, the limits at a two-sided
 * level with standard normal quantile {@code z} are the binomial normal approximation
 * <pre>
 *     p ± z · sqrt(p (1 − p) / n)
 * </pre>
 * clipped to [0, 1], with z = 1.959964 for 95 % and z = 3.090232 for 99.8 %. An agency whose refusal rate lies
 * strictly above the upper 99.8 % limit is {@code ABOVE_998} (and so above the 95 % limit too), strictly above only
 * the 95 % limit {@code ABOVE_95}; likewise below; otherwise {@code WITHIN}.
 *
 * @param lower95  lower 95 % limit
 * @param upper95  upper 95 % limit
 * @param lower998 lower 99.8 % limit
 * @param upper998 upper 99.8 % limit
 * @param flag     where the agency's rate falls
 */
public record Funnel(double lower95, double upper95, double lower998, double upper998, Flag flag) {

    static final double Z95 = 1.959963984540054;
    static final double Z998 = 3.090232306167813;

    /** Where a rate falls against the limits. */
    @Labelled
    public enum Flag {
        WITHIN,
        ABOVE_95,
        ABOVE_998,
        BELOW_95,
        BELOW_998
    }

    /** The limits for {@code decided} decisions around the area rate, and the flag for the agency's rate. */
    static Funnel of(double areaRate, long decided, double agencyRate) {
        if (decided <= 0) {
            throw new IllegalArgumentException("funnel limits need at least one decision");
        }
        double standardError = Math.sqrt(areaRate * (1 - areaRate) / decided);
        double lower95 = clip(areaRate - Z95 * standardError);
        double upper95 = clip(areaRate + Z95 * standardError);
        double lower998 = clip(areaRate - Z998 * standardError);
        double upper998 = clip(areaRate + Z998 * standardError);
        Flag flag;
        if (agencyRate > upper998) {
            flag = Flag.ABOVE_998;
        } else if (agencyRate > upper95) {
            flag = Flag.ABOVE_95;
        } else if (agencyRate < lower998) {
            flag = Flag.BELOW_998;
        } else if (agencyRate < lower95) {
            flag = Flag.BELOW_95;
        } else {
            flag = Flag.WITHIN;
        }
        return new Funnel(lower95, upper95, lower998, upper998, flag);
    }

    private static double clip(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
