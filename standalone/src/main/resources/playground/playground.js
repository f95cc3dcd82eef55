/*
 * The playground page: a Telegram-like group chat that posts real Update JSON to the bot's webhook and shows what
 * the bot sends, pushed by the Bot API emulator as server-sent events. Chats, members and history live in this
 * browser's localStorage. No markup is ever built from strings: all text goes through text nodes.
 */
(function () {
  'use strict';

  const STORAGE_KEY = 'bread-bot.playground.v1';
  const MAX_MESSAGES_PER_CHAT = 300;
  const MAX_TRAIL = 50;
  const NAME_COLOURS = ['#e17076', '#f3a34c', '#8e85ee', '#62bd6a', '#4fb7c9', '#3e9ad8', '#e07aa8'];

  const DEFAULT_MEMBERS = [
    { id: 1001, first_name: 'Алиса', last_name: 'Смирнова', username: 'alice' },
    { id: 1002, first_name: 'Борис', last_name: 'Петров', username: 'boris' },
    { id: 1003, first_name: 'Вера', last_name: 'Иванова' }
  ];
  const DEFAULT_CHAT = { id: -1001000000001, type: 'supergroup', title: 'Хлебопекарня' };

  const $ = (id) => document.getElementById(id);
  let config = null;
  let state = load();
  let replyTarget = null;
  const trail = new Map();

  // ---------------------------------------------------------------- state

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      if (saved && Array.isArray(saved.chats) && Array.isArray(saved.members) && saved.messages) {
        return saved;
      }
    } catch (e) {
      // a broken store starts over
    }
    return {
      chats: [DEFAULT_CHAT],
      members: DEFAULT_MEMBERS,
      currentChatId: DEFAULT_CHAT.id,
      currentMemberId: DEFAULT_MEMBERS[0].id,
      messages: {},
      lastUpdateId: 0
    };
  }

  function save() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      // full storage: the page keeps working, history just is not kept
    }
  }

  const chatById = (id) => state.chats.find((chat) => chat.id === id);
  const memberById = (id) => state.members.find((member) => member.id === id);
  const currentChat = () => chatById(state.currentChatId) || state.chats[0];
  const currentMember = () => memberById(state.currentMemberId) || state.members[0];
  const messagesOf = (chatId) => (state.messages[chatId] = state.messages[chatId] || []);
  /** The forum topic a message is in: its message_thread_id when it is a topic message, else 0 (General). */
  const topicOf = (message) => (message.is_topic_message && message.message_thread_id) || 0;
  const currentTopic = (chat) => (chat.is_forum && chat.currentTopic) || 0;
  const FORUM_TOPICS = ['Выпечка', 'Флуд'];

  function fullName(user) {
    return [user.first_name, user.last_name].filter(Boolean).join(' ') || String(user.id);
  }

  function chatTitle(chat) {
    if (chat.type !== 'private') return chat.title || String(chat.id);
    const member = memberById(chat.id);
    return member ? fullName(member) + ' ↔ ' + botName() : chat.title || String(chat.id);
  }

  const botName = () => (config && config.botName) || 'Хлеб';
  const colourOf = (id) => NAME_COLOURS[Math.abs(Number(id)) % NAME_COLOURS.length];

  /** The user as Telegram puts it in {@code from}. */
  function userObject(member) {
    const user = { id: member.id, is_bot: false, first_name: member.first_name, language_code: 'ru' };
    if (member.last_name) user.last_name = member.last_name;
    if (member.username) user.username = member.username;
    return user;
  }

  /** The chat as Telegram puts it in a message. */
  function chatObject(chat) {
    if (chat.type === 'private') {
      const member = memberById(chat.id);
      const object = { id: chat.id, type: 'private', first_name: member ? member.first_name : 'User' };
      if (member && member.last_name) object.last_name = member.last_name;
      if (member && member.username) object.username = member.username;
      return object;
    }
    const object = { id: chat.id, type: chat.type, title: chat.title };
    if (chat.is_forum) object.is_forum = true;
    return object;
  }

  function remember(chatId, message) {
    const list = messagesOf(chatId);
    const index = list.findIndex((m) => m.message_id === message.message_id);
    if (index >= 0) {
      list[index] = Object.assign({}, list[index], message);
    } else {
      list.push(message);
      list.sort((a, b) => a.message_id - b.message_id);
      if (list.length > MAX_MESSAGES_PER_CHAT) list.splice(0, list.length - MAX_MESSAGES_PER_CHAT);
    }
    save();
  }

  // ---------------------------------------------------------------- talking to the bot

  async function fetchJson(url, options) {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error((body && body.error) || ('HTTP ' + response.status));
    return body;
  }

  /** Update and message ids from the emulator, so that the chat's ids are one sequence with the bot's. */
  function allocateIds(chat, openTopic) {
    const known = messagesOf(chat.id).reduce((max, m) => Math.max(max, m.message_id), 0);
    const request = { chat: chatObject(chat), after_message_id: known, after_update_id: state.lastUpdateId || 0 };
    if (openTopic) request.open_topic = true;
    return fetchJson('/playground-api/ids', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request)
    });
  }

  /** A copy of a message fit to be {@code reply_to_message}: Telegram does not nest replies there. */
  function asRepliedMessage(message) {
    const copy = Object.assign({}, message);
    delete copy.reply_to_message;
    delete copy.local;
    return copy;
  }

  async function send(content) {
    const chat = currentChat();
    const member = currentMember();
    hideError();
    let ids;
    try {
      ids = await allocateIds(chat);
    } catch (e) {
      showError('Не удалось получить id сообщения: ' + e.message);
      return false;
    }
    state.lastUpdateId = Math.max(state.lastUpdateId || 0, ids.update_id);
    const message = Object.assign({
      message_id: ids.message_id,
      from: userObject(member),
      chat: chatObject(chat),
      date: ids.date
    }, content);
    if (replyTarget && replyTarget.chat.id === chat.id) {
      message.reply_to_message = asRepliedMessage(replyTarget);
    }
    const topic = currentTopic(chat);
    if (topic) {
      // as in Telegram: a topic message that answers nothing answers the topic's opening service message
      message.message_thread_id = topic;
      message.is_topic_message = true;
      const opening = messagesOf(chat.id).find((m) => m.message_id === topic);
      if (!message.reply_to_message && opening) message.reply_to_message = asRepliedMessage(opening);
    }
    const update = { update_id: ids.update_id, message };
    clearReply();
    remember(chat.id, Object.assign({}, message, { local: { status: 'sending' } }));
    renderMessages();
    const status = await postUpdate(update);
    remember(chat.id, Object.assign({}, message, { local: status }));
    renderMessages();
    return status.status === 'sent';
  }

  /** Opens a forum topic: its id comes from the emulator, and the bot gets the service message as Telegram sends it. */
  async function createTopic(chat, name) {
    const ids = await allocateIds(chat, true);
    state.lastUpdateId = Math.max(state.lastUpdateId || 0, ids.update_id);
    const message = {
      message_id: ids.message_id,
      from: userObject(currentMember()),
      chat: chatObject(chat),
      date: ids.date,
      message_thread_id: ids.message_id,
      is_topic_message: true,
      forum_topic_created: { name, icon_color: 7322096 }
    };
    chat.topics = (chat.topics || []).concat([{ id: ids.message_id, name }]);
    remember(chat.id, message);
    await postUpdate({ update_id: ids.update_id, message });
  }

  async function postUpdate(update) {
    const headers = { 'Content-Type': 'application/json' };
    try {
      const response = await fetch(config.webhook.path, { method: 'POST', headers, body: JSON.stringify(update) });
      if (response.ok) return { status: 'sent' };
      const body = await response.json().catch(() => ({}));
      showError('Webhook ответил ' + response.status + (body.error ? ': ' + body.error : ''));
      return { status: 'failed', problem: 'HTTP ' + response.status };
    } catch (e) {
      showError('Webhook недоступен: ' + e.message);
      return { status: 'failed', problem: e.message };
    }
  }

  function sendText() {
    const input = $('composer-text');
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    autosize();
    const content = { text };
    const entities = TgFormat.detect(text);
    if (entities.length) content.entities = entities;
    send(content);
  }

  function sendMedia(item) {
    const input = $('composer-text');
    const caption = input.value.trim();
    const file = { file_id: item.fileId, file_unique_id: item.uniqueId };
    let content;
    if (item.kind === 'sticker') {
      content = { sticker: Object.assign(file, { type: 'regular', width: 512, height: 512, is_animated: false,
        is_video: false, emoji: item.emoji || '🙂', file_size: 2048 }) };
    } else if (item.kind === 'photo') {
      const width = item.width || 640;
      const height = item.height || 480;
      content = { photo: [
        { file_id: item.fileId + '_s', file_unique_id: item.uniqueId + '_s', width: width / 4, height: height / 4, file_size: 1200 },
        Object.assign(file, { width, height, file_size: 24000 })
      ] };
      if (caption) {
        content.caption = caption;
        input.value = '';
      }
    } else {
      content = { voice: Object.assign(file, { duration: item.duration || 1, mime_type: 'audio/ogg', file_size: 6000 }) };
    }
    $('media-palette').hidden = true;
    send(content);
  }

  // ---------------------------------------------------------------- events from the bot

  function connect() {
    const source = new EventSource('/playground-api/events');
    source.addEventListener('open', () => setConnection(true));
    source.addEventListener('error', () => setConnection(false));
    source.addEventListener('message', (event) => botMessage(JSON.parse(event.data)));
    source.addEventListener('trail', (event) => trailEntry(JSON.parse(event.data)));
  }

  function setConnection(online) {
    const dot = $('connection');
    dot.classList.toggle('online', online);
    dot.title = online ? 'Бот на связи' : 'Переподключение…';
  }

  function botMessage(message) {
    if (!message || !message.chat || !Number.isInteger(message.message_id)) return;
    const chatId = message.chat.id;
    if (!chatById(chatId)) {
      state.chats.push(message.chat.type === 'private'
        ? { id: chatId, type: 'private', title: message.chat.first_name || String(chatId) }
        : { id: chatId, type: message.chat.type || 'group', title: message.chat.title || String(chatId) });
    }
    remember(chatId, message);
    if (chatId === currentChat().id) {
      renderMessages();
    } else {
      renderChats(chatId);
    }
  }

  // ---------------------------------------------------------------- rendering the chat

  function renderAll() {
    renderChats();
    renderMembers();
    renderHeader();
    renderTopics();
    renderMessages();
  }

  /** A forum's topics bar: General and each topic; the chat shows the messages of the chosen one. */
  function renderTopics() {
    const chat = currentChat();
    const bar = $('topics');
    bar.textContent = '';
    bar.hidden = !chat.is_forum;
    if (!chat.is_forum) return;
    const topics = [{ id: 0, name: 'Общий' }].concat(chat.topics || []);
    for (const topic of topics) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'topic' + (topic.id === currentTopic(chat) ? ' active' : '');
      button.dataset.topicId = String(topic.id);
      button.textContent = '# ' + topic.name;
      button.addEventListener('click', () => {
        chat.currentTopic = topic.id;
        clearReply();
        save();
        renderTopics();
        renderMessages();
      });
      bar.appendChild(button);
    }
  }

  function avatar(name, id, extraClass) {
    if (config && config.bot && id === config.bot.id) {
      const img = document.createElement('img');
      img.className = 'avatar bot-avatar' + (extraClass ? ' ' + extraClass : '');
      img.src = '/playground/media/sticker-bread.svg';
      img.alt = name || '';
      return img;
    }
    const node = document.createElement('div');
    node.className = 'avatar' + (extraClass ? ' ' + extraClass : '');
    node.style.background = colourOf(id);
    node.textContent = (name || '?').trim().slice(0, 1).toUpperCase();
    return node;
  }

  function renderChats(unread) {
    const list = $('chats');
    list.textContent = '';
    for (const chat of state.chats) {
      const item = document.createElement('li');
      item.dataset.chatId = String(chat.id);
      item.className = chat.id === currentChat().id ? 'active' : '';
      if (unread === chat.id) item.classList.add('unread');
      item.appendChild(avatar(chatTitle(chat), chat.id, chat.type === 'private' ? 'round' : ''));
      const text = document.createElement('div');
      text.className = 'list-text';
      const title = document.createElement('div');
      title.className = 'list-title';
      title.textContent = chatTitle(chat);
      const last = messagesOf(chat.id).slice(-1)[0];
      const preview = document.createElement('div');
      preview.className = 'list-sub';
      preview.textContent = last ? previewOf(last) : (chat.type === 'private' ? 'личный чат' : 'группа');
      text.append(title, preview);
      item.appendChild(text);
      item.addEventListener('click', () => selectChat(chat.id));
      list.appendChild(item);
    }
  }

  function renderMembers() {
    const list = $('members');
    list.textContent = '';
    const chat = currentChat();
    for (const member of state.members) {
      const item = document.createElement('li');
      item.dataset.memberId = String(member.id);
      item.className = member.id === currentMember().id ? 'active' : '';
      const locked = chat.type === 'private' && chat.id !== member.id;
      if (locked) item.classList.add('disabled');
      item.appendChild(avatar(member.first_name, member.id, 'round'));
      const text = document.createElement('div');
      text.className = 'list-text';
      const name = document.createElement('div');
      name.className = 'list-title';
      name.textContent = fullName(member);
      const sub = document.createElement('div');
      sub.className = 'list-sub';
      sub.textContent = (member.username ? '@' + member.username : 'без username') + ' · id ' + member.id;
      text.append(name, sub);
      item.appendChild(text);
      item.addEventListener('click', () => {
        if (!locked) selectMember(member.id);
      });
      list.appendChild(item);
    }
  }

  function renderHeader() {
    const chat = currentChat();
    const head = $('chat-avatar');
    head.replaceWith(Object.assign(avatar(chatTitle(chat), chat.id, chat.type === 'private' ? 'round' : ''), { id: 'chat-avatar' }));
    $('chat-title').textContent = chatTitle(chat);
    $('chat-subtitle').textContent = chat.type === 'private'
      ? 'личный чат с ботом · chat id ' + chat.id
      : (chat.is_forum ? 'форум · ' : '') + participants(state.members.length) + ' и бот · chat id ' + chat.id;
    $('composer-text').placeholder = 'Сообщение от ' + currentMember().first_name + '…  (' + botName() + ' help)';
  }

  function participants(count) {
    const tens = count % 100;
    const ones = count % 10;
    const word = tens >= 11 && tens <= 14 ? 'участников'
      : ones === 1 ? 'участник' : ones >= 2 && ones <= 4 ? 'участника' : 'участников';
    return count + ' ' + word;
  }

  function renderMessages() {
    const container = $('messages');
    const nearBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 120;
    const chat = currentChat();
    const all = messagesOf(chat.id);
    const list = chat.is_forum ? all.filter((m) => topicOf(m) === currentTopic(chat)) : all;
    container.textContent = '';
    if (!list.length) {
      const empty = document.createElement('div');
      empty.className = 'service';
      empty.textContent = 'Здесь пока пусто. Напишите «' + botName() + ' help» или «' + botName() + ' выбери чай или кофе».';
      container.appendChild(empty);
    }
    let previousDay = '';
    for (const message of list) {
      const day = new Date(message.date * 1000).toLocaleDateString('ru-RU', { day: 'numeric', month: 'long' });
      if (day !== previousDay) {
        const divider = document.createElement('div');
        divider.className = 'service';
        divider.textContent = day;
        container.appendChild(divider);
        previousDay = day;
      }
      if (message.forum_topic_created) {
        const opened = document.createElement('div');
        opened.className = 'service';
        opened.textContent = 'Создана тема «' + message.forum_topic_created.name + '»';
        container.appendChild(opened);
        continue;
      }
      container.appendChild(renderMessage(chat, message, all));
    }
    renderChats();
    if (nearBottom || list.length && list[list.length - 1].local) container.scrollTop = container.scrollHeight;
  }

  function senderKind(message) {
    if (message.from && message.from.is_bot) return 'bot';
    return message.from && message.from.id === currentMember().id ? 'me' : 'other';
  }

  function renderMessage(chat, message, list) {
    const kind = senderKind(message);
    const row = document.createElement('div');
    row.className = 'message ' + (kind === 'me' ? 'out' : 'in') + ' from-' + kind;
    row.dataset.messageId = String(message.message_id);
    row.dataset.chatId = String(chat.id);
    row.dataset.from = kind;
    if (replyTarget && replyTarget.message_id === message.message_id && replyTarget.chat.id === chat.id) {
      row.classList.add('selected');
    }
    const author = message.from ? (message.from.is_bot ? message.from.first_name : fullName(message.from)) : '';
    if (kind !== 'me' && chat.type !== 'private') {
      row.appendChild(avatar(author, message.from ? message.from.id : 0, 'round small'));
    }
    const bubble = document.createElement('div');
    bubble.className = 'bubble' + (message.sticker ? ' bare' : '');
    if (kind !== 'me' && (chat.type !== 'private' || kind === 'bot')) {
      const name = document.createElement('div');
      name.className = 'author';
      name.style.color = colourOf(message.from ? message.from.id : 0);
      name.textContent = author;
      if (kind === 'bot') {
        const badge = document.createElement('span');
        badge.className = 'bot-badge';
        badge.textContent = 'бот';
        name.appendChild(badge);
      }
      bubble.appendChild(name);
    }
    if (message.reply_to_message) {
      bubble.appendChild(renderQuote(message.reply_to_message, list));
    }
    bubble.appendChild(renderContent(message));
    bubble.appendChild(renderMeta(message, kind));
    row.appendChild(bubble);
    row.addEventListener('click', (event) => {
      if (event.target.closest('a, button, audio, .quote')) return;
      setReply(message);
    });
    return row;
  }

  /** The quoted message: the full one from history when known, else what the reply itself carries. */
  function renderQuote(replied, list) {
    const original = list.find((m) => m.message_id === replied.message_id) || replied;
    const quote = document.createElement('div');
    quote.className = 'quote';
    quote.dataset.replyTo = String(replied.message_id);
    quote.style.borderColor = colourOf(original.from ? original.from.id : 0);
    const name = document.createElement('div');
    name.className = 'quote-name';
    name.style.color = colourOf(original.from ? original.from.id : 0);
    name.textContent = original.from ? (original.from.is_bot ? original.from.first_name : fullName(original.from)) : 'Сообщение';
    const text = document.createElement('div');
    text.className = 'quote-text';
    text.textContent = previewOf(original);
    quote.append(name, text);
    quote.addEventListener('click', () => {
      const target = document.querySelector('.message[data-message-id="' + Number(replied.message_id) + '"]');
      if (target) {
        target.scrollIntoView({ block: 'center', behavior: 'smooth' });
        target.classList.add('flash');
        setTimeout(() => target.classList.remove('flash'), 1200);
      }
    });
    return quote;
  }

  function mediaUrl(fileId) {
    return '/playground-api/media/' + encodeURIComponent(fileId);
  }

  function renderContent(message) {
    const content = document.createElement('div');
    content.className = 'content';
    if (message.sticker) {
      content.appendChild(image(message.sticker.file_id, 'sticker', message.sticker.emoji || 'стикер'));
    } else if (Array.isArray(message.photo) && message.photo.length) {
      const largest = message.photo[message.photo.length - 1];
      content.appendChild(image(largest.file_id, 'photo', 'фото'));
    } else if (message.voice || message.audio) {
      content.appendChild(voice(message.voice || message.audio));
    } else if (message.animation || message.video || message.video_note) {
      const media = message.animation || message.video || message.video_note;
      content.appendChild(image(media.file_id, 'photo', message.animation ? 'GIF' : 'видео'));
    }
    const text = message.text !== undefined ? message.text : message.caption;
    if (typeof text === 'string' && text.length) {
      const body = document.createElement('div');
      body.className = 'text';
      TgFormat.render(body, text, message.text !== undefined ? message.entities : message.caption_entities);
      content.appendChild(body);
    }
    return content;
  }

  function image(fileId, className, label) {
    const img = document.createElement('img');
    img.className = className;
    img.alt = label;
    img.dataset.fileId = fileId;
    img.src = mediaUrl(fileId);
    img.addEventListener('error', () => {
      const missing = document.createElement('div');
      missing.className = 'missing-media';
      missing.textContent = '[' + label + ': ' + fileId + ']';
      img.replaceWith(missing);
    }, { once: true });
    return img;
  }

  function voice(file) {
    const wrapper = document.createElement('div');
    wrapper.className = 'voice';
    wrapper.dataset.fileId = file.file_id;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'voice-play';
    button.textContent = '▶';
    const audio = document.createElement('audio');
    audio.preload = 'none';
    audio.src = mediaUrl(file.file_id);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      if (audio.paused) {
        audio.play().catch(() => {});
      } else {
        audio.pause();
      }
    });
    audio.addEventListener('play', () => { button.textContent = '❚❚'; });
    audio.addEventListener('pause', () => { button.textContent = '▶'; });
    audio.addEventListener('ended', () => { button.textContent = '▶'; });
    const wave = document.createElement('div');
    wave.className = 'voice-wave';
    const length = document.createElement('span');
    length.className = 'voice-length';
    length.textContent = '0:' + String(file.duration || 1).padStart(2, '0');
    wrapper.append(button, wave, length, audio);
    return wrapper;
  }

  function renderMeta(message, kind) {
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = new Date(message.date * 1000).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
    if (kind === 'me' || (message.local && kind !== 'bot')) {
      const tick = document.createElement('span');
      const status = message.local ? message.local.status : 'sent';
      tick.className = 'tick ' + status;
      tick.textContent = status === 'sending' ? ' ◔' : status === 'failed' ? ' ⚠' : ' ✓✓';
      if (message.local && message.local.problem) tick.title = message.local.problem;
      meta.appendChild(tick);
    }
    return meta;
  }

  function previewOf(message) {
    if (typeof message.text === 'string') return message.text;
    if (message.sticker) return (message.sticker.emoji || '') + ' Стикер';
    if (message.photo) return 'Фото' + (message.caption ? ': ' + message.caption : '');
    if (message.voice) return 'Голосовое сообщение';
    if (message.animation) return 'GIF';
    if (message.video) return 'Видео';
    if (message.video_note) return 'Видеосообщение';
    if (message.forum_topic_created) return 'Тема «' + message.forum_topic_created.name + '»';
    return 'Сообщение';
  }

  // ---------------------------------------------------------------- replying

  function setReply(message) {
    replyTarget = message;
    $('reply-name').textContent = message.from ? (message.from.is_bot ? message.from.first_name : fullName(message.from)) : '';
    $('reply-text').textContent = previewOf(message);
    $('reply-bar').hidden = false;
    document.querySelectorAll('.message.selected').forEach((node) => node.classList.remove('selected'));
    const row = document.querySelector('.message[data-message-id="' + Number(message.message_id) + '"]');
    if (row) row.classList.add('selected');
    $('composer-text').focus();
  }

  function clearReply() {
    replyTarget = null;
    $('reply-bar').hidden = true;
    document.querySelectorAll('.message.selected').forEach((node) => node.classList.remove('selected'));
  }

  // ---------------------------------------------------------------- chats and members

  function selectChat(id) {
    state.currentChatId = id;
    const chat = currentChat();
    if (chat.type === 'private' && memberById(chat.id)) state.currentMemberId = chat.id;
    clearReply();
    save();
    renderAll();
  }

  function selectMember(id) {
    state.currentMemberId = id;
    save();
    renderMembers();
    renderHeader();
    renderMessages();
  }

  function createChat(event) {
    event.preventDefault();
    const type = $('new-chat-type').value;
    if (type === 'private') {
      const member = currentMember();
      if (!chatById(member.id)) state.chats.push({ id: member.id, type: 'private', title: fullName(member) });
      $('new-chat-form').hidden = true;
      selectChat(member.id);
      return;
    }
    const title = $('new-chat-title').value.trim() || 'Группа ' + (state.chats.length + 1);
    const id = -(1000000000000 + Math.floor(Math.random() * 1000000000));
    const chat = type === 'forum'
      ? { id, type: 'supergroup', is_forum: true, title, topics: [], currentTopic: 0 }
      : { id, type: 'supergroup', title };
    state.chats.push(chat);
    $('new-chat-title').value = '';
    $('new-chat-form').hidden = true;
    selectChat(id);
    if (chat.is_forum) openTopics(chat);
  }

  async function openTopics(chat) {
    try {
      for (const name of FORUM_TOPICS) await createTopic(chat, name);
    } catch (e) {
      showError('Не удалось создать тему: ' + e.message);
    }
    save();
    if (currentChat().id === chat.id) renderAll();
  }

  function addMember(event) {
    event.preventDefault();
    const first = $('new-member-first').value.trim();
    if (!first) return;
    const username = $('new-member-username').value.trim().replace(/^@/, '');
    const id = state.members.reduce((max, m) => Math.max(max, m.id), 1000) + 1;
    const member = { id, first_name: first };
    const last = $('new-member-last').value.trim();
    if (last) member.last_name = last;
    if (/^[A-Za-z][A-Za-z0-9_]{2,31}$/.test(username)) member.username = username;
    state.members.push(member);
    ['new-member-first', 'new-member-last', 'new-member-username'].forEach((field) => { $(field).value = ''; });
    $('new-member-form').hidden = true;
    selectMember(id);
  }

  // ---------------------------------------------------------------- the pipeline panel

  function trailEntry(entry) {
    if (!entry || !entry.key) return;
    trail.delete(entry.key);
    trail.set(entry.key, entry);
    while (trail.size > MAX_TRAIL) trail.delete(trail.keys().next().value);
    renderTrail();
  }

  function ms(from, to) {
    return Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, to - from) + ' ms' : '…';
  }

  function renderTrail() {
    const list = $('trail');
    list.textContent = '';
    $('trail-empty').hidden = trail.size > 0;
    const entries = Array.from(trail.values()).reverse();
    for (const entry of entries) {
      const item = document.createElement('li');
      item.className = 'trail-entry';
      item.dataset.updateId = String(entry.updateId);
      const head = document.createElement('div');
      head.className = 'trail-head';
      const kind = document.createElement('span');
      kind.className = 'trail-kind';
      kind.textContent = 'update ' + entry.updateId;
      const preview = document.createElement('span');
      preview.className = 'trail-preview';
      preview.textContent = entry.preview || entry.kind || '';
      head.append(kind, preview);
      item.appendChild(head);
      if (entry.record) item.appendChild(recordLine('▶', entry.record, 'chat ' + entry.chatId));
      if (!entry.replies || !entry.replies.length) {
        const none = document.createElement('div');
        none.className = 'trail-hops muted';
        none.textContent = 'ответа нет (или ещё не готов)';
        item.appendChild(none);
      }
      for (const reply of entry.replies || []) {
        const block = document.createElement('div');
        block.className = 'trail-reply';
        const what = document.createElement('div');
        what.className = 'trail-what';
        what.textContent = '↩ ' + reply.method + (reply.preview ? ' «' + reply.preview + '»' : '');
        block.appendChild(what);
        block.appendChild(recordLine('◀', reply.record, reply.messageId ? 'message ' + reply.messageId : ''));
        const hops = document.createElement('div');
        hops.className = 'trail-hops';
        hops.textContent = 'webhook → processed ' + ms(entry.receivedAt, reply.processedAt)
          + ' → published ' + ms(reply.processedAt, reply.publishedAt)
          + ' → delivered ' + ms(reply.publishedAt, reply.deliveredAt)
          + (Number.isFinite(reply.deliveredAt) ? ' · всего ' + ms(entry.receivedAt, reply.deliveredAt) : '');
        block.appendChild(hops);
        item.appendChild(block);
      }
      list.appendChild(item);
    }
  }

  function recordLine(icon, record, extra) {
    const line = document.createElement('div');
    line.className = 'record';
    line.textContent = icon + ' ' + record.topic + ' · partition ' + record.partition + ' · offset ' + record.offset
      + (extra ? ' · ' + extra : '');
    return line;
  }

  // ---------------------------------------------------------------- composer and wiring

  function autosize() {
    const input = $('composer-text');
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
  }

  function showError(text) {
    const bar = $('error-bar');
    bar.textContent = text;
    bar.hidden = false;
  }

  function hideError() {
    $('error-bar').hidden = true;
  }

  function buildPalette() {
    const sections = { sticker: 'palette-stickers', photo: 'palette-photos', voice: 'palette-voices' };
    for (const item of config.media) {
      const target = $(sections[item.kind]);
      if (!target) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'palette-item palette-' + item.kind;
      button.dataset.fileId = item.fileId;
      button.title = item.title || item.kind;
      if (item.kind === 'voice') {
        button.textContent = '▶ ' + (item.title || 'Голосовое');
      } else {
        const img = document.createElement('img');
        img.src = mediaUrl(item.fileId);
        img.alt = item.title || item.kind;
        button.appendChild(img);
      }
      button.addEventListener('click', () => sendMedia(item));
      target.appendChild(button);
    }
  }

  function wire() {
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      sendText();
    });
    $('composer-text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendText();
      } else if (event.key === 'Escape') {
        clearReply();
        $('media-palette').hidden = true;
      }
    });
    $('composer-text').addEventListener('input', autosize);
    $('media-button').addEventListener('click', () => { $('media-palette').hidden = !$('media-palette').hidden; });
    $('reply-cancel').addEventListener('click', clearReply);
    $('new-chat').addEventListener('click', () => { $('new-chat-form').hidden = !$('new-chat-form').hidden; });
    $('new-member').addEventListener('click', () => { $('new-member-form').hidden = !$('new-member-form').hidden; });
    $('new-chat-type').addEventListener('change', () => { $('new-chat-title').hidden = $('new-chat-type').value === 'private'; });
    $('new-chat-form').addEventListener('submit', createChat);
    $('new-member-form').addEventListener('submit', addMember);
    $('toggle-panel').addEventListener('click', () => $('app').classList.toggle('panel-hidden'));
  }

  async function start() {
    try {
      config = await fetchJson('/playground-api/config');
    } catch (e) {
      document.body.textContent = 'Playground недоступен: ' + e.message;
      return;
    }
    $('hint-example').textContent = botName() + ' выбери чай или кофе';
    wire();
    buildPalette();
    renderAll();
    renderTrail();
    connect();
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', start);
}());
