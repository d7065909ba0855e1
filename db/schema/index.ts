export * from './teams';
export * from './agents';
export * from './customers';
export * from './channels';
export * from './tickets';
export * from './messages';
export * from './ticket-events';
export * from './outbox';
