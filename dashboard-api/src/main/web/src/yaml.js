// Writes the policy answer (plain JSON) as block YAML for the what-if editor, so operators edit the
// same shape as the park file's policy: section. Only JSON values occur, so this stays small.

const PLAIN = /^[A-Za-z_\u4e00-\u9fff][\w\-./\u4e00-\u9fff]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~)$/i;

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  return PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

function key(name) {
  return /^\d+$/.test(name) || (PLAIN.test(name) && !RESERVED.test(name)) ? name : JSON.stringify(name);
}

function isEmpty(value) {
  return (Array.isArray(value) && value.length === 0) || (value && typeof value === 'object' && Object.keys(value).length === 0);
}

function isScalarList(value) {
  return Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
}

function lines(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (item !== null && typeof item === 'object' && !isEmpty(item)) {
        const inner = lines(item, indent + 2);
        return [`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1)];
      }
      return [`${pad}- ${isEmpty(item) ? JSON.stringify(item) : scalar(item)}`];
    });
  }
  return Object.entries(value).flatMap(([name, v]) => {
    if (v !== null && typeof v === 'object' && !isEmpty(v)) {
      if (isScalarList(v)) return [`${pad}${key(name)}: [${v.map(scalar).join(', ')}]`];
      return [`${pad}${key(name)}:`, ...lines(v, indent + 2)];
    }
    return [`${pad}${key(name)}: ${isEmpty(v) ? JSON.stringify(v) : scalar(v)}`];
  });
}

export function toYaml(value) {
  if (value === null || typeof value !== 'object') return `${scalar(value)}\n`;
  return `${lines(value, 0).join('\n')}\n`;
}

/**
 * The policy answer as the park file spells it, for the what-if draft: the answer names the energy basis as an
 * object ({id, name, coefficients}) where the park file wants its id, and always carries min_max_floor, which the
 * park file allows only under the min_max method — sent back unchanged, the policy in force would not be valid.
 */
export function policyDraft(policy) {
  const draft = { ...policy };
  if (draft.energy_basis && typeof draft.energy_basis === 'object') draft.energy_basis = draft.energy_basis.id;
  if (draft.scoring && draft.scoring.method !== 'min_max' && 'min_max_floor' in draft.scoring) {
    const { min_max_floor: _unused, ...scoring } = draft.scoring;
    draft.scoring = scoring;
  }
  return draft;
}
