import { SaxesParser } from 'saxes';

/** An XML element as read: its local name (namespaces ignored), attributes, children and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of its start tag. */
  line: number;
}

/**
 * Parses XML into a tree of elements (a strict, well-formedness-checking parser: saxes). Throws
 * an `Error` naming the line and column of the first problem.
 */
export function parseXmlTree(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.local !== '' && a.name !== 'xmlns') attributes[a.local] = a.value;
    const el: XmlElement = { name: tag.local ?? tag.name, attributes, children: [], text: '', line: parser.line };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (text) => {
    const el = stack.at(-1);
    if (el) el.text += text;
  });
  parser.on('cdata', (text) => {
    const el = stack.at(-1);
    if (el) el.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml.replace(/^\uFEFF/, '')).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of an element with a name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Every descendant of an element with a name, in document order. */
export function descendantsNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
