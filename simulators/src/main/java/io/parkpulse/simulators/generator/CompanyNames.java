package io.parkpulse.simulators.generator;

import io.parkpulse.simulators.model.Industry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plausible, unique Chinese company names: a two-character brand (字号) and the industry's suffix,
 * prefixed with a district name once the plain brands run out, numbered as a last resort.
 *
 * <p>Not thread-safe.
 */
final class CompanyNames {

    private static final String FIRST = "华新瑞金恒宏盛永天鑫嘉汇泰德远兴润博浩中";
    private static final String SECOND = "源达泰丰安鼎诚通晟信和康泽宇辰海元亿森峰";
    private static final List<String> DISTRICTS = List.of("江南", "滨江", "临港", "高新", "东湖", "西溪", "北岸", "南湖", "青山", "白沙");

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    CompanyNames(SplittableRandom random) {
        this.random = random;
    }

    /** Keeps a name given by hand from being generated again. */
    void reserve(String name) {
        used.add(name);
    }

    /** A new name and its short form (for meter names). */
    String[] next(Industry industry) {
        for (int attempt = 0; attempt < 40; attempt++) {
            String brand = "" + FIRST.charAt(random.nextInt(FIRST.length())) + SECOND.charAt(random.nextInt(SECOND.length()));
            String prefix = attempt < 20 ? "" : DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            String name = prefix + brand + industry.companySuffix();
            if (used.add(name)) {
                return new String[] {name, prefix + brand + industry.companySuffix().substring(0, 2)};
            }
        }
        String brand = "" + FIRST.charAt(random.nextInt(FIRST.length())) + SECOND.charAt(random.nextInt(SECOND.length()));
        String name;
        int n = used.size();
        do {
            n++;
            name = brand + industry.companySuffix().replace("有限公司", "第" + n + "有限公司");
        } while (!used.add(name));
        return new String[] {name, brand + n};
    }
}
