import sanitize from 'sanitize-html';

// Allow what mail clients and our own composer produce for reading; drop scripts, styles, forms, event
// handlers and javascript: URLs.
const OPTIONS: sanitize.IOptions = {
  allowedTags: [...sanitize.defaults.allowedTags.filter((t) => t !== 'img'), 'img', 'span', 'font', 'center', 'u', 's', 'del', 'ins', 'sup', 'sub'],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'data-remote-src'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel', 'cid'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  transformTags: {
    a: sanitize.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
    // Remote images (tracking pixels) are not loaded until the agent asks: the address moves to
    // data-remote-src and the thread view offers to show them.
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return src && /^https?:/i.test(src) ? { tagName, attribs: { ...rest, 'data-remote-src': src } } : { tagName, attribs };
    },
  },
  disallowedTagsMode: 'discard',
};

export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS);
}
