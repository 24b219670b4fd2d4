// Socket Chat's page: the chat's line protocol over a WebSocket, one text frame per line.
// Every line is put on the page as text (textContent), never as HTML.
"use strict";

(() => {
  const PALETTE_SIZE = 9;
  const KEEP_LINES = 2000;
  const NAME = "[\\p{L}\\p{M}\\p{N}_.-]{1,20}";
  const SPEAKER = new RegExp("^(\\[private\\] )?(" + NAME + ")(: [\\s\\S]*)$", "u");
  const PRIVATE_TO = new RegExp("^(\\[private to )(" + NAME + ")(\\] [\\s\\S]*)$", "u");
  const WELCOME = /^Welcome to ([\s\S]*)! Enter your username:$/;
  const HELLO = /^Hello (.+?)! /;
  const RENAMED = /^\* (.+) is now known as (.+)$/;
  const SHUTTING_DOWN = "* Server is shutting down.";
  // The questions whose answers nobody may see: the room password, an account's password,
  // an invite code, a new password and its repeat (PROTOCOL.md "Accounts (v3)").
  const SECRET =
    /^(?:! (?:At least 8 characters|At most 256 bytes|The passwords differ)\. )?(Password|Password for \S+|Invite code for \S+|Choose a password \(at least 8 characters\)|Repeat the password|Current password):$/;
  // The server's last word in an account dialogue of a joined user.
  const DIALOGUE_END = /^(?:! .*|\* Password changed\.|\* \S+ is registered: this name needs its password from now on\.)$/;

  const $ = (id) => document.getElementById(id);
  const log = $("log");
  const newer = $("newer");
  const title = $("title");
  const statusLine = $("status");
  const joinForm = $("join");
  const passwordField = $("password-field");
  const passwordLabel = $("password-label");
  const password = $("password");
  const usernameField = $("username-field");
  const username = $("username");
  const composer = $("composer");
  const message = $("message");
  const ended = $("ended");
  const endedText = $("ended-text");
  const reconnect = $("reconnect");

  let socket = null;
  let stage = "connecting"; // connecting, password, name, joined, secret (a joined user's dialogue), closed
  let awaitingReply = false; // a joined user's dialogue: the server's next question or last word
  let opened = false;
  let me = "";
  let lastLine = "";
  let leaving = false;
  const sent = [];
  let recall = 0;

  // ---- the conversation ----------------------------------------------------

  function colourOf(name) {
    // the terminal client's choice: Java's String.hashCode of the lower-cased name
    const key = name.toLowerCase();
    let hash = 0;
    for (let i = 0; i < key.length; i++) {
      hash = (Math.imul(31, hash) + key.charCodeAt(i)) | 0;
    }
    return "c" + (((hash % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE);
  }

  function nameSpan(name) {
    const span = document.createElement("span");
    span.className = "name " + colourOf(name);
    span.textContent = name;
    return span;
  }

  /** A paragraph for one line: classes by kind, the speaker's name coloured. */
  function render(line) {
    const p = document.createElement("p");
    let match;
    if (line.startsWith("! ")) {
      p.className = "error";
      p.textContent = line;
    } else if (line.startsWith("* ")) {
      p.className = "notice";
      p.textContent = line;
    } else if (line.startsWith("-- ") && line.endsWith(" --")) {
      p.className = "divider";
      p.textContent = line;
    } else if (line.startsWith("Server: ")) {
      p.className = "server";
      p.textContent = line;
    } else if ((match = SPEAKER.exec(line)) !== null) {
      if (match[1]) {
        p.className = "private";
        p.append(match[1]);
      }
      p.append(nameSpan(match[2]), match[3]);
    } else if ((match = PRIVATE_TO.exec(line)) !== null) {
      p.className = "private";
      p.append(match[1], nameSpan(match[2]), match[3]);
    } else {
      p.className = "system";
      p.textContent = line;
    }
    return p;
  }

  function nearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  function append(p) {
    const follow = nearBottom();
    log.append(p);
    while (log.childElementCount > KEEP_LINES) {
      log.firstElementChild.remove();
    }
    if (follow) {
      log.scrollTop = log.scrollHeight;
    } else {
      newer.hidden = false;
    }
  }

  function show(line) {
    append(render(line));
  }

  /** What the user typed, as the others will see it (the server does not echo it). */
  function showOwn(text) {
    let p;
    if (text.startsWith("//")) {
      p = render(me + ": " + text.slice(1));
    } else if (text.startsWith("/me ")) {
      p = render("* " + me + " " + text.slice(4));
      p.className = "notice";
    } else if (text.startsWith("/") || text === "exit") {
      p = document.createElement("p");
      p.className = "typed";
      p.textContent = text;
      append(p);
      return;
    } else {
      p = render(me + ": " + text);
    }
    p.classList.add("own");
    append(p);
  }

  function divider(text) {
    const p = document.createElement("p");
    p.className = "divider";
    p.textContent = "— " + text + " —";
    append(p);
  }

  log.addEventListener("scroll", () => {
    if (nearBottom()) {
      newer.hidden = true;
    }
  });

  newer.addEventListener("click", () => {
    log.scrollTop = log.scrollHeight;
    newer.hidden = true;
    message.focus();
  });

  // ---- what is shown at the bottom --------------------------------------------

  function setStatus(text, online) {
    statusLine.textContent = text;
    statusLine.classList.toggle("online", Boolean(online));
  }

  function dock(which) {
    joinForm.hidden = which !== "join";
    composer.hidden = which !== "composer";
    ended.hidden = which !== "ended";
  }

  /** A hidden answer: the label is the server's question (Password, Invite code for alice, ...). */
  function askPassword(question) {
    stage = stage === "joined" || stage === "secret" ? "secret" : "password";
    passwordLabel.textContent = question;
    password.autocomplete = /^(Choose|Repeat)/.test(question)
      ? "new-password"
      : question.startsWith("Invite code") ? "one-time-code" : "current-password";
    passwordField.hidden = false;
    usernameField.hidden = true;
    $("join-button").textContent = "Enter";
    dock("join");
    password.value = "";
    password.focus();
  }

  function askName() {
    stage = "name";
    passwordField.hidden = true;
    usernameField.hidden = false;
    $("join-button").textContent = "Join";
    dock("join");
    username.focus();
    username.select();
  }

  function joined(name) {
    stage = "joined";
    me = name;
    setStatus("Signed in as " + me, true);
    dock("composer");
    message.focus();
  }

  // ---- the connection -------------------------------------------------------------

  function received(line) {
    lastLine = line;
    show(line);
    let match;
    if (stage === "joined" || stage === "secret") {
      if (awaitingReply && (match = SECRET.exec(line)) !== null) {
        awaitingReply = false;
        askPassword(match[1]);
        return;
      }
      if (awaitingReply && DIALOGUE_END.test(line)) {
        awaitingReply = false;
        stage = "joined";
        dock("composer");
        message.focus();
        return;
      }
      const renamed = RENAMED.exec(line);
      if (renamed && renamed[1] === me) {
        me = renamed[2];
        setStatus("Signed in as " + me, true);
      }
      return;
    }
    if ((match = SECRET.exec(line)) !== null) {
      askPassword(match[1]);
    } else if ((match = WELCOME.exec(line)) !== null) {
      title.textContent = match[1];
      document.title = match[1];
      askName();
    } else if (line.startsWith("! ") && (line.endsWith("Enter another username:") || line.endsWith("Enter your username:"))) {
      askName();
    } else if ((match = HELLO.exec(line)) !== null) {
      joined(match[1]);
    }
  }

  function endedBecause() {
    if (!opened) {
      return "Cannot reach the chat server.";
    }
    if (lastLine === SHUTTING_DOWN) {
      return "The server shut down.";
    }
    if (leaving) {
      return "You left the chat.";
    }
    if (lastLine.startsWith("! ")) {
      return "Disconnected by the server: " + lastLine.slice(2);
    }
    return "The connection to the chat server was lost.";
  }

  function closed() {
    if (stage === "closed") {
      return;
    }
    stage = "closed";
    const why = endedBecause();
    setStatus("Disconnected", false);
    endedText.textContent = why;
    divider("disconnected");
    dock("ended");
    reconnect.focus();
  }

  function connect() {
    stage = "connecting";
    opened = false;
    leaving = false;
    lastLine = "";
    dock("none");
    setStatus("Connecting…", false);
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(scheme + "//" + location.host + "/chat");
    socket = ws;
    ws.onopen = () => {
      opened = true;
      setStatus("Connected", true);
    };
    ws.onmessage = (event) => {
      if (socket === ws) {
        received(String(event.data));
      }
    };
    ws.onclose = () => {
      if (socket === ws) {
        closed();
      }
    };
  }

  function send(line) {
    if (socket === null || socket.readyState !== WebSocket.OPEN) {
      return false;
    }
    socket.send(line);
    return true;
  }

  // ---- the forms ------------------------------------------------------------------

  joinForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (stage === "password") {
      send(password.value);
      password.value = "";
    } else if (stage === "secret") {
      // the answer goes; the form stays until the server's next question or last word
      send(password.value);
      password.value = "";
      awaitingReply = true;
    } else if (stage === "name") {
      const name = username.value.trim();
      if (name !== "") {
        send(name);
      }
    }
  });

  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = message.value;
    if (text.trim() === "" || !send(text)) {
      return;
    }
    if (text === "exit" || text === "/quit") {
      leaving = true;
    }
    if (text.trim() === "/password" || text.trim() === "/register") {
      awaitingReply = true;
    }
    showOwn(text);
    sent.push(text);
    recall = sent.length;
    message.value = "";
    log.scrollTop = log.scrollHeight;
    newer.hidden = true;
  });

  // Up and Down bring back the lines sent before, as in a terminal.
  message.addEventListener("keydown", (event) => {
    if (event.key === "ArrowUp" && recall > 0) {
      recall--;
    } else if (event.key === "ArrowDown" && recall < sent.length) {
      recall++;
    } else {
      return;
    }
    event.preventDefault();
    message.value = recall < sent.length ? sent[recall] : "";
  });

  reconnect.addEventListener("click", () => {
    divider("reconnecting");
    connect();
  });

  connect();
})();
