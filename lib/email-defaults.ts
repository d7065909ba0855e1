// Defaults for a new email inbox, shared by the settings form and the server's settings schema.
export const DEFAULT_ACKNOWLEDGEMENT = {
  enabled: true,
  subject: 'We received your request [#{{number}}]',
  body: 'Hello,\n\nthank you for your message. We have received it as ticket #{{number}} ("{{subject}}") and will answer as soon as possible.\n\nJust reply to this email to add information.',
};
