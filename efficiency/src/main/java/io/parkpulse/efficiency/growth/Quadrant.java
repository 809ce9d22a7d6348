package io.parkpulse.efficiency.growth;

/**
 * Where an enterprise stands when its energy growth is set against its output growth (docs/domain.md §4).
 * Classified by the signs and sizes of the two growth rates, never by the elasticity alone: a negative elasticity
 * means either "energy up, output down" (worst) or "energy down, output up" (best).
 */
public enum Quadrant {
    /** output up, energy up more slowly or down: efficiency improving */
    IMPROVING,
    /** output up, energy up faster: watch */
    ENERGY_OUTPACING_OUTPUT,
    /** output down, energy down less or up: worst, first in line for an energy audit */
    DIVERGING,
    /** output down, energy down more: improving while contracting */
    CONTRACTING_EFFICIENTLY,
    /** output growth within the threshold of zero: no elasticity; judge by energy growth alone */
    OUTPUT_FLAT
}
