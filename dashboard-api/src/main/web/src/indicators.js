// The API's indicator ids (openapi IndicatorId), the land-efficiency scoring defaults of the
// standard policy, and class colours shared by the charts.

export const INDICATORS = [
  'comprehensive_energy', 'electricity', 'water', 'output_value', 'value_added', 'energy_per_output_value',
  'energy_per_value_added', 'electricity_per_output_value', 'water_per_output_value', 'output_value_per_mu',
  'value_added_per_mu', 'tax_per_mu', 'value_added_per_energy', 'tax_per_energy', 'tax_per_electricity',
  'value_added_per_emission', 'labour_productivity', 'rd_intensity',
  'co2', 'co2_per_value_added', 'co2_per_output_value',
];

/** Volumes are not compared between enterprises of different size. */
export const RANKABLE = INDICATORS.filter((i) => !['comprehensive_energy', 'electricity', 'water', 'output_value', 'value_added', 'co2'].includes(i));

/** The carbon intensities (issue 19): offered by the ranking page even when the policy's list predates them. */
export const CARBON_RANKABLE = ['co2_per_value_added', 'co2_per_output_value'];

/** The ranking page's choices: the policy's indicators (else every rankable one), then the carbon intensities. */
export function rankingChoices(listed) {
  const base = Array.isArray(listed) && listed.length ? listed : RANKABLE;
  return [...base, ...CARBON_RANKABLE.filter((i) => !base.includes(i))];
}

/** What an enterprise home shows first: energy and water per output. */
export const PER_OUTPUT = ['energy_per_output_value', 'energy_per_value_added', 'electricity_per_output_value', 'water_per_output_value'];

/** park-file.md#policy: the standard policy's scoring weights, used when the park's policy names none. */
export const STANDARD_WEIGHTS = {
  tax_per_mu: 40, value_added_per_mu: 20, tax_per_energy: 20, labour_productivity: 10, rd_intensity: 10,
};

export const QUADRANTS = ['improving', 'energy_outpacing_output', 'diverging', 'contracting_efficiently', 'output_flat'];

const CLASS_COLOURS = { A: '#2e9e5b', B: '#3b7fd4', C: '#e39b28', D: '#d64541' };

export function classColour(cls) {
  return CLASS_COLOURS[cls] || '#8c8c8c';
}

export const QUADRANT_COLOURS = {
  improving: '#2e9e5b',
  energy_outpacing_output: '#d64541',
  diverging: '#e39b28',
  contracting_efficiently: '#3b7fd4',
  output_flat: '#8c8c8c',
};

/** Weights per scored indicator from a policy answer (GET …/policy), else the standard ones. */
export function scoringWeights(policy) {
  const listed = policy?.scoring?.indicators;
  if (!Array.isArray(listed) || listed.length === 0) return STANDARD_WEIGHTS;
  return Object.fromEntries(listed.filter((s) => s?.indicator).map((s) => [s.indicator, Number(s.weight) || 0]));
}

/**
 * What moves the class: points still open per scored indicator (weight − points), biggest first.
 * @returns {{indicator: string, points: number|null, weight: number, open: number}[]}
 */
export function pointsOpen(points, weights) {
  return Object.entries(weights)
    .map(([indicator, weight]) => {
      const earned = typeof points?.[indicator] === 'number' ? points[indicator] : null;
      return { indicator, points: earned, weight, open: Math.max(0, weight - (earned ?? 0)) };
    })
    .sort((a, b) => b.open - a.open);
}
