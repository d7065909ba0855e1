import { convert } from 'html-to-text';

/**
 * Readable text of an HTML mail that brought no text part (Outlook, newsletters, mail with inline
 * images or attachments around the HTML): paragraphs and lists kept, links as "text [url]", images
 * and styles left out, quoted history (blockquotes, Gmail's and Thunderbird's quote blocks) prefixed
 * with "> " so it folds like a quote in a text mail.
 */
export function textOfHtml(html: string): string {
  return (
    convert(html, {
      wordwrap: false,
      selectors: [
        { selector: 'img', format: 'skip' },
        { selector: 'style', format: 'skip' },
        { selector: 'script', format: 'skip' },
        { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['[', ']'] } },
        { selector: 'h1', options: { uppercase: false } },
        { selector: 'h2', options: { uppercase: false } },
        { selector: 'h3', options: { uppercase: false } },
        { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
        // Gmail's and Thunderbird's quoted history, attribution line ("Am … schrieb …:") included.
        { selector: 'div.gmail_quote', format: 'blockquote', options: { trimEmptyLines: true } },
        { selector: 'div.moz-cite-prefix', format: 'blockquote', options: { trimEmptyLines: true } },
      ],
    })
      // Quote marks on otherwise empty lines (from <br> and block spacing) carry nothing.
      .replace(/^(?:> ?)+$\n?/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
