#!/usr/bin/python3
"""Reads an e-mail edition as a mail client does, with Python's email
package, and checks it against the issue it was made from.

usage: mail.py FILE.eml ISSUE.xml [HTML-OUT]

  - the message parses without defects; every line is at most 998 octets;
    the header lines are ASCII; From, Date and MIME-Version are there and
    the Date parses
  - the Subject decodes to the issue's title (paper, date, number)
  - it is multipart/alternative with a text/plain and a text/html part in
    UTF-8; each decodes (the plain text unflowed, RFC 3676) to text that
    holds every story's headline and the text of each of its paragraphs,
    captions, verse lines and table cells, in order
  - the HTML part passes tests/editions/inline.py (links allowed) and links
    each headline to the story on the site
The decoded HTML part is written to HTML-OUT (for a screenshot).  Prints
problems, one a line, and exits 1 if there are any.
"""
import email
import email.policy
import email.utils
import os
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inline  # noqa: E402


class Text(HTMLParser):
    """The text of an HTML document's body, and its links."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.links, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ('title', 'script', 'style'):
            self.skip += 1
        if tag == 'a':
            self.links.append(dict(attrs).get('href'))

    def handle_endtag(self, tag):
        if tag in ('title', 'script', 'style'):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def squeeze(s):
    return re.sub(r'\s+', '', s)


def unflow(text, delsp):
    """RFC 3676: joins soft line breaks, unstuffs."""
    out, cur = [], ''
    for line in text.split('\n'):
        if line.startswith(' '):
            line = line[1:]
        if line.endswith(' ') and line != '-- ':
            cur += line[:-1] if delsp else line
        else:
            out.append(cur + line)
            cur = ''
    if cur:
        out.append(cur)
    return '\n'.join(out)


def main():
    if len(sys.argv) < 3:
        print(__doc__.splitlines()[3], file=sys.stderr)
        return 2
    path, issue_path = sys.argv[1], sys.argv[2]
    problems = []
    raw = open(path, 'rb').read()
    for n, line in enumerate(raw.split(b'\n'), 1):
        if len(line.rstrip(b'\r')) > 998:
            problems.append(f'line {n}: {len(line)} octets, more than 998')
    head = raw.split(b'\n\n', 1)[0]
    if any(b > 127 for b in head):
        problems.append('the header has non-ASCII octets')

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    issue = ET.parse(issue_path).getroot()
    d = issue.get('date')
    title = f"{issue.get('paper')} {int(d[:4])}年{int(d[5:7])}月{int(d[8:10])}日"
    if issue.get('number'):
        title += f" 第{issue.get('number')}期"
    if str(msg['subject']) != title:
        problems.append(f"Subject decodes to {str(msg['subject'])!r}, want {title!r}")
    if b'=?UTF-8?' not in head:
        problems.append('Subject is not RFC 2047 encoded')
    for h in ('From', 'Date', 'MIME-Version'):
        if msg[h] is None:
            problems.append(f'no {h} header')
    try:
        email.utils.parsedate_to_datetime(str(msg['date']))
    except (TypeError, ValueError):
        problems.append(f"Date does not parse: {msg['date']}")
    if msg.get_content_type() != 'multipart/alternative':
        problems.append(f'{msg.get_content_type()}, not multipart/alternative')
    parts = {}
    for part in msg.iter_parts():
        parts[part.get_content_type()] = part
        if part.get_content_charset() != 'utf-8':
            problems.append(f'{part.get_content_type()}: charset {part.get_content_charset()}')
    for part in msg.walk():
        for defect in part.defects:
            problems.append(f'{part.get_content_type()}: {defect!r}')
    if set(parts) != {'text/plain', 'text/html'}:
        problems.append(f'parts {sorted(parts)}, want text/plain and text/html')
        print('\n'.join(problems))
        return 1

    plain = parts['text/plain']
    text = plain.get_content()
    if plain.get_param('format') == 'flowed':
        text = unflow(text, (plain.get_param('delsp') or '').lower() == 'yes')
    # Addresses after links (<https://…>) are the plain part's own.
    text = squeeze(re.sub(r' <[a-z][a-z0-9+.-]*:[^>]*>', '', text))

    html = parts['text/html'].get_content()
    h = Text()
    h.feed(html)
    html_text = squeeze(''.join(h.text))

    base = issue.get('url', '')
    for story in issue.iter('story'):
        slug = story.get('slug')
        want = [story.find('head/headline')]
        for el in story.find('body').iter():
            if el.tag in ('p', 'caption', 'line', 'cell', 'subhead'):
                want.append(el)
        for name, have in (('text/plain', text), ('text/html', html_text)):
            at = 0
            for el in want:
                s = squeeze(''.join(el.itertext()))
                i = have.find(s, at)
                if i < 0:
                    problems.append(f'{name}: {slug}: not found in order: {s[:40]}')
                    break
                at = i + len(s)
        if base and f"{base}{issue.get('id')}/{slug}.html" not in h.links:
            problems.append(f'text/html: no link to the story {slug} on the site')

    if len(sys.argv) > 3:
        with open(sys.argv[3], 'w', encoding='utf-8') as f:
            f.write(html)
        for p in inline.check(sys.argv[3], links=True):
            problems.append(f'text/html: {p}')

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
