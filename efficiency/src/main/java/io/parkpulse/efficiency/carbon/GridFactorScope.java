package io.parkpulse.efficiency.carbon;

import java.util.Locale;
import java.util.Optional;

/**
 * Which published grid emission factor purchased electricity is multiplied by (docs/domain.md §11.2): the announcements
 * of the Ministry of Ecology and Environment and the National Bureau of Statistics give all five.
 */
public enum GridFactorScope {
    /** 全国电力平均二氧化碳排放因子: the national average. */
    NATIONAL(false),
    /** 区域电力平均二氧化碳排放因子: one of the seven regional grids. */
    REGIONAL(true),
    /** 省级电力平均二氧化碳排放因子: one province. */
    PROVINCIAL(true),
    /** 全国电力平均二氧化碳排放因子（不包括市场化交易的非化石能源电量）: for those who deduct green electricity. */
    NATIONAL_EXCLUDING_MARKET_NON_FOSSIL(false),
    /** 全国化石能源电力二氧化碳排放因子: fossil generation only. */
    NATIONAL_FOSSIL(false);

    private final boolean needsArea;

    GridFactorScope(boolean needsArea) {
        this.needsArea = needsArea;
    }

    /** Whether a factor of this scope belongs to an area (a regional grid or a province). */
    public boolean needsArea() {
        return needsArea;
    }

    /** The name in park files, data files and APIs: {@code east_china}'s scope is {@code regional}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GridFactorScope> byId(String id) {
        for (GridFactorScope s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
