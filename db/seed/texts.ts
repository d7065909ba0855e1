// Demo texts in German and English, shaped like real support mail: complaints, orders, accounts, billing.
// Placeholders: {order} order number, {name} customer first name, {agent} agent first name, {amount} euros.

export type Topic = { tag: string; de: { subject: string[]; body: string[] }; en: { subject: string[]; body: string[] } };

export const TOPICS: Topic[] = [
  {
    tag: 'reklamation',
    de: {
      subject: ['Reklamation Bestellung {order}', 'Ware beschädigt angekommen', 'Defektes Gerät – bitte um Ersatz'],
      body: [
        'Guten Tag,\n\nmeine Bestellung {order} ist heute angekommen, leider ist das Gehäuse gebrochen. Fotos hänge ich an. Ich bitte um Ersatz oder Erstattung von {amount} €.\n\nMit freundlichen Grüßen\n{name}',
        'Hallo,\n\ndas Gerät aus Bestellung {order} schaltet sich nach wenigen Minuten ab. Ich habe es bereits zurückgesetzt, ohne Erfolg. Wie geht es jetzt weiter?\n\nViele Grüße\n{name}',
      ],
    },
    en: {
      subject: ['Complaint about order {order}', 'Item arrived damaged', 'Faulty device – replacement please'],
      body: [
        'Hello,\n\nmy order {order} arrived today but the casing is cracked. Photos attached. I would like a replacement or a refund of €{amount}.\n\nKind regards,\n{name}',
        'Hi,\n\nthe device from order {order} switches off after a few minutes. I already reset it, no luck. What are the next steps?\n\nThanks,\n{name}',
      ],
    },
  },
  {
    tag: 'lieferung',
    de: {
      subject: ['Wo bleibt meine Lieferung?', 'Sendungsverfolgung {order} zeigt nichts an', 'Lieferung verspätet'],
      body: [
        'Hallo,\n\nich habe vor zehn Tagen bestellt ({order}) und noch immer keine Versandbestätigung. Können Sie nachsehen?\n\nDanke, {name}',
        'Guten Morgen,\n\ndie Sendungsverfolgung zu {order} steht seit Tagen auf „in Zustellung“. Ist das Paket verloren gegangen?\n\n{name}',
      ],
    },
    en: {
      subject: ['Where is my delivery?', 'Tracking for {order} shows nothing', 'Delivery delayed'],
      body: [
        'Hi,\n\nI ordered ten days ago ({order}) and still have no shipping confirmation. Could you check?\n\nThanks, {name}',
        'Good morning,\n\ntracking for {order} has said "out for delivery" for days. Has the parcel been lost?\n\n{name}',
      ],
    },
  },
  {
    tag: 'rechnung',
    de: {
      subject: ['Rechnung doppelt abgebucht', 'Frage zur Rechnung {order}', 'Falscher Betrag auf der Rechnung'],
      body: [
        'Sehr geehrte Damen und Herren,\n\nder Betrag von {amount} € für {order} wurde zweimal von meinem Konto abgebucht. Bitte erstatten Sie die doppelte Abbuchung.\n\n{name}',
        'Hallo,\n\nauf der Rechnung zu {order} steht ein höherer Betrag als im Warenkorb. Können Sie das korrigieren?\n\nGruß {name}',
      ],
    },
    en: {
      subject: ['Charged twice for my invoice', 'Question about invoice {order}', 'Wrong amount on invoice'],
      body: [
        'Dear team,\n\nthe amount of €{amount} for {order} was charged twice to my card. Please refund the duplicate charge.\n\n{name}',
        'Hello,\n\nthe invoice for {order} shows a higher amount than my basket did. Can you correct it?\n\nBest, {name}',
      ],
    },
  },
  {
    tag: 'konto',
    de: {
      subject: ['Passwort zurücksetzen funktioniert nicht', 'Kann mich nicht einloggen', 'E-Mail-Adresse ändern'],
      body: [
        'Hallo,\n\nich bekomme keine E-Mail zum Zurücksetzen meines Passworts. Spam-Ordner ist leer. Was kann ich tun?\n\n{name}',
        'Guten Tag,\n\nseit dem Update kann ich mich in der App nicht mehr anmelden, es erscheint „Fehler 401“.\n\nMfG {name}',
      ],
    },
    en: {
      subject: ['Password reset does not work', "Can't log in", 'Change my email address'],
      body: [
        "Hi,\n\nI don't receive the password reset email. Spam folder is empty. What can I do?\n\n{name}",
        'Hello,\n\nsince the update I cannot sign in to the app, it says "Error 401".\n\nRegards, {name}',
      ],
    },
  },
  {
    tag: 'retoure',
    de: {
      subject: ['Retoure für {order}', 'Rücksendung – Erstattung fehlt noch', 'Wie kann ich zurücksenden?'],
      body: [
        'Hallo,\n\nich möchte Artikel aus {order} zurückschicken. Bekomme ich ein Rücksendeetikett?\n\nDanke, {name}',
        'Guten Tag,\n\nmeine Retoure ist laut Sendungsverfolgung seit zwei Wochen bei Ihnen, die Erstattung von {amount} € fehlt aber noch.\n\n{name}',
      ],
    },
    en: {
      subject: ['Return for {order}', 'Return – refund still missing', 'How do I return an item?'],
      body: [
        'Hi,\n\nI would like to return items from {order}. Can I get a return label?\n\nThanks, {name}',
        'Hello,\n\ntracking says my return reached you two weeks ago, but the refund of €{amount} is still missing.\n\n{name}',
      ],
    },
  },
];

export const AGENT_REPLIES = {
  de: [
    'Hallo {name},\n\nvielen Dank für Ihre Nachricht. Ich habe mir Bestellung {order} angesehen und kümmere mich darum. Sie hören spätestens morgen von mir.\n\nViele Grüße\n{agent}',
    'Hallo {name},\n\ndas tut mir leid. Ich habe eine Ersatzlieferung veranlasst, die Sendungsnummer folgt per E-Mail.\n\nBeste Grüße\n{agent}',
    'Hallo {name},\n\nich habe die doppelte Abbuchung storniert; die Gutschrift über {amount} € sehen Sie in 3–5 Werktagen.\n\nFreundliche Grüße\n{agent}',
    'Hallo {name},\n\nkönnten Sie mir bitte noch ein Foto des Typenschilds schicken? Dann kann ich den Fall abschließen.\n\nDanke!\n{agent}',
  ],
  en: [
    'Hi {name},\n\nthanks for reaching out. I have looked at order {order} and I am on it. You will hear from me by tomorrow at the latest.\n\nBest,\n{agent}',
    "Hi {name},\n\nI'm sorry about that. I've arranged a replacement; the tracking number follows by email.\n\nKind regards,\n{agent}",
    'Hi {name},\n\nI have reversed the duplicate charge; the refund of €{amount} will show in 3–5 business days.\n\nBest regards,\n{agent}',
    'Hi {name},\n\ncould you send me a photo of the type plate? Then I can close this case.\n\nThanks!\n{agent}',
  ],
};

/** Shared macros of the demo team (`billingTeamId`: where "Hand over to Billing" moves a ticket). */
export const DEMO_MACROS = (billingTeamId: number) => [
  {
    name: 'Refund issued',
    en: 'Hello {{customer.first_name}},\n\nwe have refunded the amount; it will show on your account within three to five working days.\n\nKind regards,\n{{agent.name}}',
    de: 'Hallo {{customer.first_name}},\n\nwir haben den Betrag erstattet; er ist in drei bis fünf Werktagen auf Ihrem Konto.\n\nViele Grüße\n{{agent.name}}',
    actions: { status: 'solved', addTags: ['erstattung'] },
  },
  {
    name: 'Ask for the order number',
    en: 'Hello {{customer.first_name}},\n\ncould you send us your order number (it starts with A-)? Then we can look into it right away.\n\nKind regards,\n{{agent.name}}',
    de: 'Hallo {{customer.first_name}},\n\nkönnten Sie uns Ihre Bestellnummer schicken (sie beginnt mit A-)? Dann sehen wir sofort nach.\n\nViele Grüße\n{{agent.name}}',
    actions: { status: 'pending' },
  },
  { name: 'Hand over to Billing', en: '', de: '', actions: { teamId: billingTeamId, assignee: 'none', priority: 'high' } },
];

/** What an agent notes when snoozing a ticket. */
export const SNOOZE_REASONS = {
  de: ['Rückruf vereinbart', 'Warten auf den Lieferanten', 'Kundin meldet sich nach dem Urlaub', 'Ersatzteil bestellt'],
  en: ['Call back arranged', 'Waiting for the supplier', 'Customer is back from holiday then', 'Spare part ordered'],
};

export const CUSTOMER_FOLLOW_UPS = {
  de: [
    'Danke für die schnelle Antwort! Anbei das Foto.',
    'Leider ist noch nichts passiert. Können Sie bitte nachsehen?',
    'Super, das hat geklappt. Vielen Dank!',
  ],
  en: ['Thanks for the quick reply! Photo attached.', 'Unfortunately nothing has happened yet. Could you check again?', 'Great, that worked. Thank you!'],
};

export const INTERNAL_NOTES = [
  'Kunde hat schon zweimal angerufen – bitte priorisieren.',
  'Checked the warehouse system: parcel left on Monday.',
  'Erstattung im ERP angestoßen, wartet auf Freigabe durch Buchhaltung.',
  'Possible fraud pattern, looping in the payments team.',
  'Kulanz bis 50 € ist freigegeben.',
];

export const FIRST_NAMES = {
  de: [
    'Anna',
    'Lukas',
    'Sophie',
    'Jonas',
    'Marie',
    'Felix',
    'Lea',
    'Paul',
    'Hannah',
    'Leon',
    'Emilia',
    'Maximilian',
    'Lina',
    'Elias',
    'Mia',
    'Jürgen',
    'Gisela',
    'Özlem',
    'Björn',
    'Käthe',
  ],
  en: [
    'Olivia',
    'James',
    'Amelia',
    'Oliver',
    'Isla',
    'Jack',
    'Ava',
    'Harry',
    'Emily',
    'George',
    'Grace',
    'Noah',
    'Chloe',
    'Leo',
    'Sophia',
    'Liam',
    'Ella',
    'Ethan',
  ],
};
export const LAST_NAMES = {
  de: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Schulz',
    'Hoffmann',
    'Koch',
    'Richter',
    'Klein',
    'Wolf',
    'Schröder',
    'Neumann',
    'Schwarz',
    'Zimmermann',
    'Krüger',
    'Hartmann',
  ],
  en: [
    'Smith',
    'Jones',
    'Taylor',
    'Brown',
    'Williams',
    'Wilson',
    'Johnson',
    'Davies',
    'Robinson',
    'Wright',
    'Thompson',
    'Evans',
    'Walker',
    'White',
    'Roberts',
    'Green',
    'Hall',
    'Wood',
  ],
};
export const CITIES = {
  de: ['Berlin', 'Hamburg', 'München', 'Köln', 'Leipzig', 'Düsseldorf', 'Stuttgart'],
  en: ['London', 'Manchester', 'Dublin', 'Bristol', 'Leeds', 'Edinburgh'],
};
