/**
 * A story's settings for a Shopify theme developer, beside its HTML: the section of
 * examples/shopify/ that renders the same widget, with the story's attributes as that section's
 * settings, as a JSON template holds them (`templates/*.json` → `sections`). Setting ids come from
 * the sections' own `{% schema %}`, so this never names a setting the theme editor lacks; what has
 * no setting (`lang`, `preview`: Liquid fills them in) is left out.
 */
const SECTIONS = import.meta.glob<string>('../examples/shopify/sections/*.liquid', {
  query: '?raw',
  import: 'default',
  eager: true,
});

interface SchemaSetting {
  id?: string;
  type: string;
}
interface Schema {
  settings: SchemaSetting[];
  blocks?: Array<{ type: string; settings?: SchemaSetting[] }>;
}

const schemaOf = (tag: string): Schema | undefined => {
  const source = SECTIONS[`../examples/shopify/sections/${tag}.liquid`];
  const match = source && /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(source);
  return match ? (JSON.parse(match[1]) as Schema) : undefined;
};

/** What a section renders (the Liquid before its schema), whitespace control left out. */
const liquidOf = (tag: string): string =>
  (SECTIONS[`../examples/shopify/sections/${tag}.liquid`] ?? '')
    .split(/{%-?\s*schema/)[0]
    .trim()
    .replace(/{%-/g, '{%')
    .replace(/-%}/g, '%}')
    .replace(/\s*\n\s*/g, ' ');

/** The prefix a section gives a widget's own settings (its common ones have none). */
const PREFIX: Record<string, string> = {
  'vitrine-exit-popup': 'popup_',
  'vitrine-sticky-bar': 'bar_',
  'vitrine-wheel': 'wheel_',
};

/** Child widgets that are blocks of the section. */
const CHILD_BLOCKS: Record<string, { type: string; fields: string[] }> = {
  'vitrine-wheel-segment': { type: 'segment', fields: ['label', 'code', 'weight', 'color'] },
  'vitrine-goal': { type: 'goal', fields: ['amount', 'label'] },
};

type Value = string | number | boolean;

function settingValue(setting: SchemaSetting, value: string): Value {
  if (setting.type === 'checkbox') return true;
  if (setting.type === 'number' || setting.type === 'range') return Number(value);
  return value;
}

const byIdOf = (settings: SchemaSetting[] = []) =>
  new Map(settings.filter((setting) => setting.id).map((setting) => [setting.id!, setting]));

/** The settings of one widget element, for its section, and those of its "E-mail tool" block. */
function settingsOf(
  element: Element,
  schema: Schema,
): { settings: Record<string, Value>; lead: Record<string, Value> } {
  const byId = byIdOf(schema.settings);
  // The pop-up's and the wheel's e-mail tool is a block of their section (`lead_<attribute>`).
  const leadById = byIdOf(schema.blocks?.find((block) => block.type === 'email_tool')?.settings);
  const settings: Record<string, Value> = {};
  const lead: Record<string, Value> = {};
  for (const { name, value } of element.attributes) {
    if (name === 'customer' && value.startsWith('tag:')) {
      Object.assign(settings, { customer: 'tag', customer_tag: value.slice(4) });
      continue;
    }
    // An e-mail tool is the "E-mail tool" block's choice, not the section's "Send emails to" text.
    if (name === 'action' && (value === 'klaviyo' || value === 'mailchimp') && leadById.has('lead_provider')) {
      lead.lead_provider = value;
      continue;
    }
    const id = name.replace(/-/g, '_');
    const leadSetting = leadById.get(`lead_${id}`);
    if (leadSetting) {
      lead[leadSetting.id!] = settingValue(leadSetting, value);
      continue;
    }
    // The recurrence's settings are `repeat_every`, `repeat_days` …: `from` alone would read as a form field.
    const setting = byId.get(`${PREFIX[element.localName] ?? ''}${id}`) ?? byId.get(id) ?? byId.get(`repeat_${id}`);
    if (setting) settings[setting.id!] = settingValue(setting, value);
  }
  if (element.localName === 'vitrine-loyalty-badge') {
    settings.badge_mode = element.hasAttribute('cart')
      ? 'cart'
      : element.hasAttribute('points')
        ? 'customer'
        : 'product';
  }
  return { settings, lead };
}

/** The section of a widget element as a JSON template holds it; null when no section renders it. */
export function sectionJson(element: Element): Record<string, unknown> | null {
  const schema = schemaOf(element.localName);
  if (!schema) return null;
  const { settings: sectionSettings, lead } = settingsOf(element, schema);
  const section: Record<string, unknown> = { type: element.localName, settings: sectionSettings };
  const blocks: Record<string, unknown> = {};
  if (Object.keys(lead).length) blocks.email_tool_1 = { type: 'email_tool', settings: lead };
  for (const child of element.children) {
    const blockType = CHILD_BLOCKS[child.localName];
    const message = element.localName === 'vitrine-sticky-bar';
    if (!blockType && !message) continue;
    const settings: Record<string, Value> = {};
    if (blockType) {
      for (const field of blockType.fields) {
        const value = child.getAttribute(field);
        if (value !== null) settings[field] = field === 'amount' || field === 'weight' ? Number(value) : value;
      }
    } else {
      const countdown = child.querySelector('vitrine-countdown');
      settings.text = (countdown ? child.innerHTML.replace(countdown.outerHTML, '') : child.innerHTML)
        .replace(/\s+/g, ' ')
        .trim();
      if (countdown?.getAttribute('deadline')) settings.deadline = countdown.getAttribute('deadline')!;
    }
    blocks[`${blockType?.type ?? 'message'}_${Object.keys(blocks).length + 1}`] = {
      type: blockType?.type ?? 'message',
      settings,
    };
  }
  if (Object.keys(blocks).length) Object.assign(section, { blocks, block_order: Object.keys(blocks) });
  return section;
}

/** The Liquid side of a story's code, as an HTML comment to follow its HTML; '' when no section renders its widgets. */
export function liquidNote(widgets: Element[]): string {
  const sections = widgets.map((widget) => [widget.localName, sectionJson(widget)] as const).filter(([, json]) => json);
  if (!sections.length) return '';
  const entries = Object.fromEntries(
    sections.map(([tag, json], index) => [`${tag.slice('vitrine-'.length)}_${index + 1}`, json]),
  );
  const renders = [...new Set(sections.map(([tag]) => tag))].map(liquidOf).join('\n  ');
  // "--" may not appear inside an HTML comment.
  const json = JSON.stringify(entries, null, 2).replace(/--/g, '-\\u002d');
  return `\n\n<!-- Shopify theme (examples/shopify/): the same settings, as a JSON template's "sections";
  the section renders ${renders}
${json}
-->`;
}
