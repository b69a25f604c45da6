#!/usr/bin/python3
"""Checks HTML as the WeChat (公众号) editor and mail clients take it: every
style inline, nothing the editor drops or ignores.

usage: inline.py [--links] FILE...

A problem is a line "FILE: what", and the exit status is 1.  Fails on
  <style>, <script>, <link>      the editor drops them
  class, id                      the editor drops them
  href                           a link left in the body (WeChat articles may
                                 not link out); --links allows them (mail)
  position, float                styles WeChat ignores
  url(), @font-face, @import     web fonts and downloads, which an inline
                                 style cannot bring
  var()                          custom properties, which no :root defines
  a font family of the web edition (Press Song …), which only press.css
                                 declares
"""
import re
import sys
from html.parser import HTMLParser

IGNORED = ('position', 'float')
BAD_VALUE = [(re.compile(r'url\s*\(', re.I), 'url() (a download)'),
             (re.compile(r'@font-face|@import', re.I), 'a web font or import'),
             (re.compile(r'var\s*\(', re.I), 'var() (no :root defines it)'),
             (re.compile(r'\bPress (Song|Hei|Kai)'), 'a web font of press.css')]


class Check(HTMLParser):
    def __init__(self, links):
        super().__init__(convert_charrefs=True)
        self.links = links
        self.problems = []

    def handle_starttag(self, tag, attrs):
        where = f'line {self.getpos()[0]}: <{tag}>'
        if tag in ('style', 'script', 'link'):
            self.problems.append(f'{where}: the element is dropped')
        for name, value in attrs:
            value = value or ''
            if name in ('class', 'id'):
                self.problems.append(f'{where}: {name}="{value}" is dropped')
            elif name == 'href' and not self.links:
                self.problems.append(f'{where}: a link left in the body: {value}')
            elif name == 'style':
                self.style(where, value)

    def style(self, where, value):
        for decl in value.split(';'):
            prop = decl.split(':', 1)[0].strip().lower()
            if prop in IGNORED:
                self.problems.append(f'{where}: {decl.strip()}: ignored')
        for pattern, what in BAD_VALUE:
            if pattern.search(value):
                self.problems.append(f'{where}: {what} in style')


def check(path, links=False):
    """The problems of the HTML file at path, as strings."""
    c = Check(links)
    with open(path, encoding='utf-8') as f:
        c.feed(f.read())
    c.close()
    return c.problems


def main():
    args = sys.argv[1:]
    links = '--links' in args
    files = [a for a in args if a != '--links']
    if not files:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    bad = 0
    for path in files:
        for p in check(path, links):
            print(f'{path}: {p}')
            bad = 1
    return bad


if __name__ == '__main__':
    sys.exit(main())
