import { formDefinition, type FormDefinition } from './form-definition';

/** A realistic complaint form (German shop), used by the engine's tests. */
export const complaintForm: FormDefinition = formDefinition.parse({
  version: 1,
  fields: [
    {
      key: 'topic',
      type: 'select',
      label: { en: 'Topic', de: 'Thema' },
      required: true,
      options: [
        { value: 'reklamation', label: { en: 'Complaint', de: 'Reklamation' } },
        { value: 'lieferung', label: { en: 'Delivery', de: 'Lieferung' } },
        { value: 'rechnung', label: { en: 'Invoice', de: 'Rechnung' } },
      ],
    },
    {
      key: 'order_value',
      type: 'number',
      label: { en: 'Order value (€)' },
      min: 0,
      max: 100000,
      hiddenByDefault: true,
      rules: [
        { when: { any: [{ field: 'topic', op: 'equals', value: 'reklamation' }] }, then: { type: 'show' } },
        { when: { all: [{ field: 'topic', op: 'equals', value: 'reklamation' }] }, then: { type: 'require' } },
      ],
    },
    {
      key: 'resolution',
      type: 'select',
      label: { en: 'What would you like?' },
      hiddenByDefault: true,
      options: [
        { value: 'refund', label: { en: 'Refund' } },
        { value: 'replacement', label: { en: 'Replacement' } },
        { value: 'voucher', label: { en: 'Voucher' } },
      ],
      rules: [
        { when: { all: [{ field: 'order_value', op: 'is_not_empty' }] }, then: { type: 'show' } },
        { when: { all: [{ field: 'order_value', op: 'gt', value: 500 }] }, then: { type: 'restrict_options', options: ['refund', 'replacement'] } },
      ],
    },
    {
      key: 'order_number',
      type: 'text',
      label: { en: 'Order number' },
      pattern: 'A-\\d{6}',
      rules: [{ when: { all: [{ field: 'topic', op: 'equals', value: 'rechnung' }] }, then: { type: 'require' } }],
    },
    { key: 'email', type: 'email', label: { en: 'Email' }, required: true },
    { key: 'details', type: 'long_text', label: { en: 'Details' }, max: 2000 },
    {
      key: 'channel_hint',
      type: 'text',
      label: { en: 'Queue' },
      hiddenByDefault: true,
      rules: [
        { when: { all: [{ field: 'topic', op: 'equals', value: 'reklamation' }] }, then: { type: 'set_value', value: 'complaints' } },
        { when: { all: [{ field: 'topic', op: 'equals', value: 'reklamation' }] }, then: { type: 'show' } },
      ],
    },
  ],
  routing: [
    {
      id: 'big-complaint',
      name: 'Large complaints',
      when: {
        all: [
          { field: 'topic', op: 'equals', value: 'reklamation' },
          { field: 'order_value', op: 'gt', value: 500 },
        ],
      },
      set: { teamId: 3, priority: 'high', tags: ['reklamation'] },
    },
    { id: 'complaint', name: 'Complaints', when: { all: [{ field: 'topic', op: 'equals', value: 'reklamation' }] }, set: { teamId: 3, tags: ['reklamation'] } },
    { id: 'invoice', name: 'Invoices', when: { all: [{ field: 'topic', op: 'equals', value: 'rechnung' }] }, set: { teamId: 2 }, continue: true },
    { id: 'invoice-tag', name: 'Tag invoices', when: { all: [{ field: 'topic', op: 'equals', value: 'rechnung' }] }, set: { tags: ['rechnung'] } },
  ],
});
