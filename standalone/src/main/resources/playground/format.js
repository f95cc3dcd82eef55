/*
 * Telegram message formatting for the playground page. The emulator has already turned parse_mode markup into
 * plain text plus entities, exactly as the Bot API does, so this only renders entities. It never uses innerHTML:
 * every piece of text becomes a text node, so nothing a user or the bot writes can become markup.
 */
(function () {
  'use strict';

  const SAFE_SCHEMES = ['http:', 'https:', 'tg:', 'mailto:'];

  /** An element for one entity, and the element its content goes into. */
  function elementFor(entity, covered) {
    const make = (tag, className) => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      return { node, content: node };
    };
    switch (entity.type) {
      case 'bold': return make('strong');
      case 'italic': return make('em');
      case 'underline': return make('u');
      case 'strikethrough': return make('s');
      case 'code': return make('code', 'inline-code');
      case 'pre': {
        const pre = document.createElement('pre');
        const code = document.createElement('code');
        if (entity.language) pre.dataset.language = entity.language;
        pre.appendChild(code);
        return { node: pre, content: code };
      }
      case 'spoiler': {
        const spoiler = make('span', 'spoiler');
        spoiler.node.title = 'Спойлер: нажмите, чтобы открыть';
        spoiler.node.addEventListener('click', (event) => {
          if (!spoiler.node.classList.contains('revealed')) {
            spoiler.node.classList.add('revealed');
            event.stopPropagation();
          }
        });
        return spoiler;
      }
      case 'blockquote':
      case 'expandable_blockquote': return make('blockquote', entity.type === 'expandable_blockquote' ? 'expandable' : '');
      case 'text_link': return link(entity.url);
      case 'url': return link(/^[a-z][a-z0-9+.-]*:/i.test(covered) ? covered : 'http://' + covered);
      case 'email': return link('mailto:' + covered);
      case 'mention': {
        const mention = make('span', 'mention');
        mention.node.title = covered;
        return mention;
      }
      case 'text_mention': {
        const mention = make('span', 'mention text-mention');
        const user = entity.user || {};
        mention.node.title = [user.first_name, user.last_name].filter(Boolean).join(' ') + (user.id ? ' (id ' + user.id + ')' : '');
        return mention;
      }
      case 'hashtag':
      case 'cashtag': return make('span', 'hashtag');
      case 'bot_command': return make('span', 'bot-command');
      case 'phone_number': return make('span', 'phone');
      case 'custom_emoji': return make('span', 'custom-emoji');
      default: return make('span');
    }
  }

  /** A link only for schemes that cannot run code; anything else renders as plain text. */
  function link(url) {
    let parsed = null;
    try {
      parsed = new URL(url);
    } catch (e) {
      parsed = null;
    }
    if (!parsed || !SAFE_SCHEMES.includes(parsed.protocol)) {
      const span = document.createElement('span');
      span.className = 'link-unsafe';
      return { node: span, content: span };
    }
    const anchor = document.createElement('a');
    anchor.href = parsed.href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer nofollow';
    anchor.title = parsed.href;
    anchor.addEventListener('click', (event) => event.stopPropagation());
    return { node: anchor, content: anchor };
  }

  /** Valid entities, sorted by offset then longer first (outer before inner). */
  function normalise(text, entities) {
    return (Array.isArray(entities) ? entities : [])
      .filter((e) => e && typeof e.type === 'string' && Number.isInteger(e.offset) && Number.isInteger(e.length)
        && e.offset >= 0 && e.length > 0 && e.offset + e.length <= text.length)
      .slice()
      .sort((a, b) => a.offset - b.offset || b.length - a.length);
  }

  function renderRange(parent, text, entities, start, end) {
    let position = start;
    let i = 0;
    while (i < entities.length) {
      const entity = entities[i];
      if (entity.offset < position || entity.offset >= end) {
        i++;
        continue;
      }
      const entityEnd = Math.min(entity.offset + entity.length, end);
      parent.appendChild(document.createTextNode(text.slice(position, entity.offset)));
      const inner = [];
      let j = i + 1;
      while (j < entities.length && entities[j].offset < entityEnd) {
        inner.push(entities[j]);
        j++;
      }
      const element = elementFor(entity, text.slice(entity.offset, entityEnd));
      renderRange(element.content, text, inner, entity.offset, entityEnd);
      parent.appendChild(element.node);
      position = entityEnd;
      i = j;
    }
    parent.appendChild(document.createTextNode(text.slice(position, end)));
  }

  /** Renders text with its entities into container (which is emptied first). */
  function render(container, text, entities) {
    container.textContent = '';
    const value = typeof text === 'string' ? text : '';
    renderRange(container, value, normalise(value, entities), 0, value.length);
  }

  /**
   * The entities Telegram itself finds in what a user types: @mentions, /commands, #hashtags and links. Offsets are
   * UTF-16 code units, which is what JavaScript strings count, as Telegram does.
   */
  function detect(text) {
    const found = [];
    const patterns = [
      ['url', /\bhttps?:\/\/[^\s<>"]+/giu],
      ['mention', /(^|[^\w@])(@[A-Za-z][A-Za-z0-9_]{2,31})\b/gu],
      ['bot_command', /(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z][A-Za-z0-9_]{2,31})?)/gu],
      ['hashtag', /(^|[^\w#])(#[\p{L}\p{N}_]+)/gu]
    ];
    for (const [type, pattern] of patterns) {
      for (const match of text.matchAll(pattern)) {
        const whole = match[0];
        const token = match[2] !== undefined ? match[2] : whole;
        const offset = match.index + whole.length - token.length;
        if (!found.some((e) => offset < e.offset + e.length && e.offset < offset + token.length)) {
          found.push({ type, offset, length: token.length });
        }
      }
    }
    return found.sort((a, b) => a.offset - b.offset);
  }

  window.TgFormat = { render, detect };
}());
