#!/usr/bin/env python3
"""Validates concur's model files (models/*.yaml) against docs/model-files.md.

Usage: check_models.py [--quiet] [--self-test] [FILE_OR_DIR ...]

With no argument it checks every models/*.yaml of this source tree. Each entry passes or fails:
  - the file is in the YAML subset the model files use (block mappings and sequences, flow
    sequences `[a, b]`, flow mappings `{k: v}`, plain and quoted scalars, comments), and reads
    the same with PyYAML when PyYAML is installed;
  - every key is known and every value is in its vocabulary;
  - the entry has `names` and at least one effect;
  - no name is modelled twice (in one file or across files). The loader keeps the last entry
    for a name, so a repeat silently replaces a model; a repeat that is meant as an override
    carries a comment containing `override` on its `- names:` line and is reported as a note.
An exact name that a pattern of another entry also matches is reported as a note: the exact
name wins in the loader, which is how a pattern is refined.

Prints one line per failure, then `N passed, M failed`; exits 0 only when nothing failed.
Standard library only.
"""

import os
import re
import sys

# --- The schema (docs/model-files.md; analysis/Models.cpp is what reads it) ------------------

IO_KINDS = {"file", "net", "ipc", "sleep", "terminal", "process", "db"}
CPU_KINDS = {"heavy", "light"}
SYNC_KINDS = {"wait", "join", "lock", "barrier", "get"}
LOCK_ACTIONS = {"acquire", "release", "try_acquire", "acquire_shared", "release_shared",
                "try_acquire_shared", "release_reacquire"}
GUARD_KINDS = {"exclusive", "shared"}
CONTAINER_ACCESS = {"read", "write", "element"}
ENTRY_KEYS = {"names", "io", "cpu", "sync", "lock", "lock_object", "guard", "mt_unsafe", "atomic",
              "join", "container", "nonblocking_if", "marks_nonblocking", "thread_entry",
              "stream_arg", "object_io", "marks_descriptor", "pool_size_arg", "awaitable",
              "coroutine_call", "hand_off", "arg_access", "random_stream"}
RANDOM_STREAM_USES = {"draws", "seeds"}
OBJECT_IO = IO_KINDS | {"memory"}
DESCRIPTOR_KEYS = {"fd", "flag_arg", "kinds", "kind"}
THREAD_ENTRY_KEYS = {"callable", "args", "args_from", "deferred_policy"}
HAND_OFF_KEYS = {"role", "object", "order_arg", "orders", "spin", "rendezvous"}
HAND_OFF_ROLES = {"signal", "await", "both", "channel", "exchange", "fence"}
# Roles that read the meaning of the memory order themselves: no `orders` list.
ORDER_READING_ROLES = {"exchange", "fence"}

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
QUALIFIED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*\Z")
OPERATOR = re.compile(r"operator(\(\)|\[\]|<=>|->\*?|[-+*/%^&|~!=<>,]+|\s(new|delete)(\[\])?"
                      r'|""\s*[A-Za-z_]\w*|\s[A-Za-z_][\w:]*(\s?[*&]+)?|\s\*)\Z')


class YamlError(Exception):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line


# --- A reader for the YAML subset --------------------------------------------------------------

class Line:
    def __init__(self, number, indent, text, comment):
        self.number = number    # 1-based line of the first physical line
        self.indent = indent
        self.text = text        # without indentation and comment
        self.comment = comment  # the comment text on that line, if any


def scan(text):
    """Yields (index, char, quoted) over a line, tracking YAML quotes (a quote opens a scalar only
    at its start: after a blank, an indicator or the line start)."""
    quote = None
    i = 0
    while i < len(text):
        c = text[i]
        if quote == '"' and c == "\\":
            yield i, c, True
            i += 1
            if i < len(text):
                yield i, text[i], True
            i += 1
            continue
        if quote:
            if c == quote and quote == "'" and text[i + 1:i + 2] == "'":
                yield i, c, True
                i += 1
            elif c == quote:
                quote = None
            yield i, c, True
        elif c in "'\"" and (i == 0 or text[i - 1] in " \t[{,:"):
            quote = c
            yield i, c, True
        else:
            yield i, c, False
        i += 1


def split_comment(text):
    """(content, comment): `#` starts a comment at the line start or after a blank, outside quotes."""
    for i, c, quoted in scan(text):
        if c == "#" and not quoted and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip(), text[i + 1:].strip()
    return text.rstrip(), ""


def bracket_depth(text):
    depth = 0
    for _, c, quoted in scan(text):
        if not quoted and c in "[{":
            depth += 1
        elif not quoted and c in "]}":
            depth -= 1
    return depth


def logical_lines(text):
    lines = []
    pending = None
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.lstrip(" ")
        if stripped.startswith("\t"):
            raise YamlError(number, "tab in indentation")
        content, comment = split_comment(stripped)
        if pending is not None:
            if content:
                pending.text += " " + content
            if comment and not pending.comment:
                pending.comment = comment
            if bracket_depth(pending.text) <= 0:
                lines.append(pending)
                pending = None
            continue
        if not content:
            continue
        if content in ("---", "...") and raw == content:
            raise YamlError(number, "document markers are outside the supported subset")
        line = Line(number, len(raw) - len(stripped), content, comment)
        if bracket_depth(content) > 0:
            pending = line
        else:
            lines.append(line)
    if pending is not None:
        raise YamlError(pending.number, "unclosed '[' or '{'")
    return lines


AMBIGUOUS_PLAIN = re.compile(r"(?i)(y|n|yes|no|on|off|[-+]?(\.\d+|\d+\.\d*)([eE][-+]?\d+)?|"
                             r"[-+]?\.(inf|nan)|0[xob][0-9a-f]+|0\d+)\Z")


def plain_scalar(text, line):
    if text[0] in "&*!|>%@`?" or text.startswith("- "):
        raise YamlError(line, f"'{text}' starts with a YAML indicator; quote it")
    if ": " in text or " #" in text:
        raise YamlError(line, f"'{text}' needs quotes")
    if AMBIGUOUS_PLAIN.match(text):
        raise YamlError(line, f"'{text}' reads differently in YAML 1.1 and 1.2; quote it")
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if text in ("null", "Null", "NULL", "~"):
        return None
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    return text


class FlowParser:
    """`[a, "b", {k: v}]`, `{k: [a, b]}` and scalars, on one logical line."""

    def __init__(self, text, line):
        self.text = text
        self.pos = 0
        self.line = line

    def error(self, message):
        raise YamlError(self.line, f"{message} in '{self.text}'")

    def skip_blanks(self):
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def peek(self):
        self.skip_blanks()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def parse_document_value(self):
        value = self.parse_value(in_flow=False)
        if self.peek():
            self.error("unexpected text after the value")
        return value

    def parse_value(self, in_flow):
        c = self.peek()
        if c == "[":
            return self.parse_sequence()
        if c == "{":
            return self.parse_mapping()
        if c in "'\"":
            return self.parse_quoted()
        return self.parse_plain(in_flow, stop=",]}" if in_flow else "")

    def parse_sequence(self):
        self.pos += 1
        items = []
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.parse_value(in_flow=True))
            c = self.peek()
            self.pos += 1
            if c == "]":
                return items
            if c != ",":
                self.error("expected ',' or ']'")
            if self.peek() == "]":
                self.error("trailing ','")

    def parse_mapping(self):
        self.pos += 1
        mapping = {}
        if self.peek() == "}":
            self.pos += 1
            return mapping
        while True:
            self.skip_blanks()
            match = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):( |(?=[\[{]))").match(self.text, self.pos)
            if not match:
                self.error("expected 'key: value'")
            key = match.group(1)
            if key in mapping:
                self.error(f"duplicate key '{key}'")
            self.pos = match.end()
            mapping[key] = self.parse_value(in_flow=True)
            c = self.peek()
            self.pos += 1
            if c == "}":
                return mapping
            if c != ",":
                self.error("expected ',' or '}'")

    def parse_quoted(self):
        quote = self.text[self.pos]
        self.pos += 1
        out = []
        while self.pos < len(self.text):
            c = self.text[self.pos]
            self.pos += 1
            if quote == "'" and c == "'":
                if self.text[self.pos:self.pos + 1] == "'":
                    out.append("'")
                    self.pos += 1
                    continue
                return "".join(out)
            if quote == '"' and c == '"':
                return "".join(out)
            if quote == '"' and c == "\\":
                escaped = self.text[self.pos:self.pos + 1]
                self.pos += 1
                table = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t"}
                if escaped not in table:
                    self.error(f"unsupported escape '\\{escaped}'")
                out.append(table[escaped])
                continue
            out.append(c)
        self.error("unterminated quoted scalar")

    def parse_plain(self, in_flow, stop):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in stop:
            if in_flow and self.text[self.pos] in "[{":
                self.error("'[' or '{' inside a plain scalar")
            self.pos += 1
        text = self.text[start:self.pos].strip()
        if not text:
            self.error("empty value")
        return plain_scalar(text, self.line)


def parse_block(lines, index, indent):
    """Parses the node whose first line is lines[index] (at `indent`); returns (node, next index)."""
    if lines[index].text == "-" or lines[index].text.startswith("- "):
        return parse_block_sequence(lines, index, indent)
    return parse_block_mapping(lines, index, indent)


def parse_block_sequence(lines, index, indent):
    items = []
    while index < len(lines) and lines[index].indent == indent:
        line = lines[index]
        if not (line.text == "-" or line.text.startswith("- ")):
            raise YamlError(line.number, "a mapping key among sequence items")
        rest = line.text[1:]
        if not rest.strip():
            index += 1
            if index >= len(lines) or lines[index].indent <= indent:
                raise YamlError(line.number, "empty sequence item")
            node, index = parse_block(lines, index, lines[index].indent)
        else:
            column = indent + 1 + (len(rest) - len(rest.lstrip(" ")))
            lines[index] = Line(line.number, column, rest.lstrip(" "), line.comment)
            lines[index].item_start = True
            if rest.lstrip(" ")[0] in "[{\"'" or not re.match(r"[A-Za-z_][A-Za-z0-9_]*:( |$)",
                                                               rest.lstrip(" ")):
                node = FlowParser(rest.strip(), line.number).parse_document_value()
                index += 1
            else:
                node, index = parse_block_mapping(lines, index, column)
        items.append((line, node))
    if index < len(lines) and lines[index].indent > indent:
        raise YamlError(lines[index].number, "unexpected indentation")
    return [node for _, node in items], index


def parse_block_mapping(lines, index, indent):
    mapping = {}
    while index < len(lines) and lines[index].indent == indent:
        line = lines[index]
        match = re.match(r"([A-Za-z_][A-Za-z0-9_]*):( +|$)", line.text)
        if not match:
            raise YamlError(line.number, f"expected 'key: value', found '{line.text}'")
        key = match.group(1)
        if key in mapping:
            raise YamlError(line.number, f"duplicate key '{key}'")
        value_text = line.text[match.end():].strip()
        index += 1
        if value_text:
            mapping[key] = FlowParser(value_text, line.number).parse_document_value()
        elif index < len(lines) and lines[index].indent > indent:
            mapping[key], index = parse_block(lines, index, lines[index].indent)
        elif (index < len(lines) and lines[index].indent == indent
              and lines[index].text.startswith("- ")):
            mapping[key], index = parse_block_sequence(lines, index, indent)
        else:
            mapping[key] = None
    if index < len(lines) and lines[index].indent > indent:
        raise YamlError(lines[index].number, "unexpected indentation")
    return mapping, index


def read_model_file(text):
    """(document, entry_lines): entry_lines[i] is the Line of the i-th `- names:` entry."""
    lines = logical_lines(text)
    if not lines:
        raise YamlError(1, "empty file")
    if lines[0].indent != 0:
        raise YamlError(lines[0].number, "the document must start at column 0")
    document, index = parse_block(lines, 0, 0)
    if index != len(lines):
        raise YamlError(lines[index].number, "text after the document")
    entry_lines = [line for line in lines if getattr(line, "item_start", False)]
    return document, entry_lines


def cross_check_with_pyyaml(text, document):
    try:
        import yaml  # noqa: PLC0415 - optional
    except ImportError:
        return None
    try:
        theirs = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return f"PyYAML cannot read the file: {error}"
    if theirs != document:
        return "PyYAML reads this file differently from the subset reader (use the documented subset)"
    return None


# --- Entry checks ----------------------------------------------------------------------------

def is_c_name(name):
    return "::" not in name


def check_name(name):
    if not isinstance(name, str) or not name:
        return "a name must be a non-empty string"
    if name != name.strip():
        return f"'{name}' has surrounding blanks"
    if name.startswith("::"):
        return f"'{name}': write C functions without the leading '::'"
    components = name.split("::")
    for component in components:
        if not component:
            return f"'{name}': empty name component"
        plain = component.replace("*", "x")
        if component.startswith("operator") and OPERATOR.match(component):
            continue
        if component.startswith("~") and IDENTIFIER.match(plain[1:]):
            continue
        if not IDENTIFIER.match(plain):
            if "<" in component or ">" in component:
                return f"'{name}': template arguments are removed before matching; drop them"
            return f"'{name}': '{component}' is not an identifier, operator or pattern"
    return None


def arg_index(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def check_flags(value, key, allow_fd, problems):
    if not isinstance(value, dict):
        problems.append(f"'{key}' must be a mapping {{flag_arg: N, flags: [...]}}")
        return
    allowed = {"flag_arg", "flags"} | ({"fd"} if allow_fd else set())
    for extra in sorted(set(value) - allowed):
        problems.append(f"unknown key '{key}.{extra}'")
    if arg_index(value.get("flag_arg")) is None:
        problems.append(f"'{key}.flag_arg' must be an argument index")
    flags = value.get("flags")
    if not isinstance(flags, list) or not flags:
        problems.append(f"'{key}.flags' must be a non-empty list of macro or enumerator names")
    else:
        for flag in flags:
            if not isinstance(flag, str) or not QUALIFIED.match(flag):
                problems.append(f"'{key}.flags': '{flag}' is not a macro or enumerator name")
    if allow_fd:
        fd = value.get("fd")
        if fd != "return" and arg_index(fd) is None:
            problems.append(f"'{key}.fd' must be 'return' or an argument index")


def check_thread_entry(value, problems):
    if not isinstance(value, dict):
        problems.append("'thread_entry' must be a mapping {callable: N, ...}")
        return
    for extra in sorted(set(value) - THREAD_ENTRY_KEYS):
        problems.append(f"unknown key 'thread_entry.{extra}'")
    callable_index = value.get("callable")
    if not isinstance(callable_index, int) or isinstance(callable_index, bool) or callable_index < 0:
        problems.append("'thread_entry.callable' must be an argument index")
    if "args" in value and "args_from" in value:
        problems.append("'thread_entry' takes 'args' or 'args_from', not both")
    if "args" in value:
        args = value["args"]
        if not isinstance(args, list) or any(arg_index(a) is None or not isinstance(a, int)
                                             for a in args):
            problems.append("'thread_entry.args' must be a list of argument indices")
        elif callable_index in args:
            problems.append("'thread_entry.args' lists the callable itself")
    if "args_from" in value:
        start = value["args_from"]
        if not isinstance(start, int) or isinstance(start, bool) or start < 0:
            problems.append("'thread_entry.args_from' must be an argument index")
        elif isinstance(callable_index, int) and start <= callable_index:
            problems.append("'thread_entry.args_from' must come after the callable")
    if "deferred_policy" in value:
        policy = value["deferred_policy"]
        if not isinstance(policy, str) or not QUALIFIED.match(policy):
            problems.append("'thread_entry.deferred_policy' must be a qualified enumerator name")


def check_hand_off(value, c_names, problems):
    if not isinstance(value, dict):
        problems.append("'hand_off' must be a mapping {role: ..., ...}")
        return
    for extra in sorted(set(value) - HAND_OFF_KEYS):
        problems.append(f"unknown key 'hand_off.{extra}'")
    if value.get("role") not in HAND_OFF_ROLES:
        problems.append(f"'hand_off.role' must be one of {', '.join(sorted(HAND_OFF_ROLES))}")
    obj = value.get("object", "this")
    if obj != "this" and arg_index(obj) is None:
        problems.append(f"'hand_off.object: {obj}' must be this or an argument index")
    elif obj == "this" and c_names and value.get("role") != "fence":
        problems.append(f"C function {c_names[0]} has no 'this': give 'hand_off.object' an argument index")
    if value.get("role") in ORDER_READING_ROLES:
        if "orders" in value:
            problems.append("an 'exchange' or 'fence' hand_off reads its order itself: no 'orders'")
    elif ("order_arg" in value) != ("orders" in value):
        problems.append("'hand_off' takes 'order_arg' and 'orders' together")
    if "order_arg" in value and arg_index(value["order_arg"]) is None:
        problems.append("'hand_off.order_arg' must be an argument index")
    orders = value.get("orders", [])
    if not isinstance(orders, list) or any(not isinstance(o, str) or not QUALIFIED.match(o) for o in orders):
        problems.append("'hand_off.orders' must be a list of enumerator names")
    for key in ("spin", "rendezvous"):
        if key in value and not isinstance(value[key], bool):
            problems.append(f"'hand_off.{key}' must be true or false")


def check_arg_access(value, problems):
    if not isinstance(value, dict) or not value:
        problems.append("'arg_access' must be a mapping {read: [...], write: [...]}")
        return
    for extra in sorted(set(value) - {"read", "write"}):
        problems.append(f"unknown key 'arg_access.{extra}'")
    for key in ("read", "write"):
        indexes = value.get(key, [])
        if not isinstance(indexes, list) or any(not isinstance(i, int) or isinstance(i, bool) or i < 0 for i in indexes):
            problems.append(f"'arg_access.{key}' must be a list of argument indexes")


def check_entry(entry):
    """The problems of one entry, as messages."""
    if not isinstance(entry, dict):
        return ["an entry must be a mapping with 'names' and effects"]
    problems = []
    for key in sorted(set(entry) - ENTRY_KEYS):
        problems.append(f"unknown key '{key}'")
    names = entry.get("names")
    if not isinstance(names, list) or not names:
        problems.append("'names' must be a non-empty list")
        names = []
    for name in names:
        problem = check_name(name)
        if problem:
            problems.append(problem)
    c_names = [n for n in names if isinstance(n, str) and is_c_name(n)]

    for key, vocabulary in (("io", IO_KINDS), ("cpu", CPU_KINDS), ("sync", SYNC_KINDS),
                            ("lock", LOCK_ACTIONS), ("guard", GUARD_KINDS),
                            ("container", CONTAINER_ACCESS)):
        if key in entry and entry[key] not in vocabulary:
            problems.append(f"'{key}: {entry[key]}' is not one of {', '.join(sorted(vocabulary))}")

    if "lock_object" in entry:
        value = entry["lock_object"]
        if "lock" not in entry:
            problems.append("'lock_object' without 'lock'")
        if value not in ("this", "all") and arg_index(value) is None:
            problems.append(f"'lock_object: {value}' must be this, all or an argument index")
    if "lock" in entry and entry.get("lock_object", "this") == "this" and c_names:
        problems.append(f"C function {c_names[0]} has no 'this': give 'lock_object' an argument index")
    if "join" in entry:
        value = entry["join"]
        if value != "this" and arg_index(value) is None:
            problems.append(f"'join: {value}' must be this or an argument index")
        elif value == "this" and c_names:
            problems.append(f"C function {c_names[0]} has no 'this': give 'join' an argument index")
    if "mt_unsafe" in entry:
        reason = entry["mt_unsafe"]
        if not isinstance(reason, str) or not reason.strip():
            problems.append("'mt_unsafe' must be a reason")
        elif not re.search(r"\buse\b", reason):
            problems.append("'mt_unsafe' must name the thread-safe alternative ('...; use X')")
    if "random_stream" in entry and entry["random_stream"] not in RANDOM_STREAM_USES:
        problems.append(f"'random_stream: {entry['random_stream']}' is not one of draws, seeds")
    if "atomic" in entry and not isinstance(entry["atomic"], bool):
        problems.append("'atomic' must be true or false")
    if "nonblocking_if" in entry:
        check_flags(entry["nonblocking_if"], "nonblocking_if", False, problems)
    if "marks_nonblocking" in entry:
        check_flags(entry["marks_nonblocking"], "marks_nonblocking", True, problems)
    if "thread_entry" in entry:
        check_thread_entry(entry["thread_entry"], problems)
    if "hand_off" in entry:
        check_hand_off(entry["hand_off"], c_names, problems)
    if "arg_access" in entry:
        check_arg_access(entry["arg_access"], problems)
    if "stream_arg" in entry and entry["stream_arg"] != "this" and arg_index(entry["stream_arg"]) is None:
        problems.append(f"'stream_arg: {entry['stream_arg']}' must be this or an argument index")
    if "object_io" in entry and entry["object_io"] not in OBJECT_IO:
        problems.append(f"'object_io: {entry['object_io']}' is not one of {', '.join(sorted(OBJECT_IO))}")
    if "marks_descriptor" in entry:
        mark = entry["marks_descriptor"]
        if not isinstance(mark, dict) or "fd" not in mark:
            problems.append("'marks_descriptor' needs 'fd'")
        else:
            for key in sorted(set(mark) - DESCRIPTOR_KEYS):
                problems.append(f"unknown key 'marks_descriptor.{key}'")
            kinds = list((mark.get("kinds") or {}).values()) + ([mark["kind"]] if "kind" in mark else [])
            for kind in kinds:
                if kind not in OBJECT_IO:
                    problems.append(f"'marks_descriptor' kind '{kind}' is not one of {', '.join(sorted(OBJECT_IO))}")

    for key in ("awaitable", "coroutine_call"):
        if key in entry and not (isinstance(entry[key], str) and re.fullmatch(r"[A-Za-z_][\w:]*", entry[key])):
            problems.append(f"'{key}' must name a function (a qualified name)")
    if "awaitable" in entry and "coroutine_call" in entry:
        problems.append("an entry has an 'awaitable' or a 'coroutine_call', not both")

    has_effect = (any(entry.get(k) is not None for k in
                      ("io", "cpu", "sync", "lock", "guard", "container", "join", "nonblocking_if",
                       "marks_nonblocking", "thread_entry", "stream_arg", "object_io",
                       "marks_descriptor", "pool_size_arg", "hand_off", "arg_access", "random_stream"))
                  or bool(entry.get("mt_unsafe")) or entry.get("atomic") is True)
    if not has_effect:
        problems.append("the entry names no effect")
    return problems


# --- Whole run --------------------------------------------------------------------------------

def pattern_regex(pattern):
    components = [re.escape(c).replace(r"\*", "[^:]*") for c in pattern.split("::")]
    return re.compile("::".join(components) + r"\Z")


class Report:
    def __init__(self, quiet):
        self.quiet = quiet
        self.passed = 0
        self.failed = 0
        self.notes = []

    def fail(self, where, message):
        print(f"FAIL {where}: {message}")


def check_files(paths, quiet=False):
    report = Report(quiet)
    entries = []  # (where, entry_index, entry, line)
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as error:
            report.fail(path, f"cannot read: {error}")
            report.failed += 1
            continue
        try:
            document, entry_lines = read_model_file(text)
        except YamlError as error:
            report.fail(f"{path}:{error.line}", str(error))
            report.failed += 1
            continue
        disagreement = cross_check_with_pyyaml(text, document)
        if disagreement:
            report.fail(path, disagreement)
            report.failed += 1
            continue
        if not isinstance(document, dict) or set(document) != {"functions"}:
            report.fail(path, "the file must be one mapping with the single key 'functions'")
            report.failed += 1
            continue
        functions = document["functions"]
        if not isinstance(functions, list):
            report.fail(path, "'functions' must be a sequence of entries")
            report.failed += 1
            continue
        for i, entry in enumerate(functions):
            line = entry_lines[i] if i < len(entry_lines) else None
            where = f"{path}:{line.number}" if line else f"{path}: entry {i + 1}"
            entries.append((where, entry, line))

    seen = {}        # name -> where it was first modelled
    patterns = []    # (pattern, where, entry id)
    problems_of = {id(e): check_entry(e) for _, e, _ in entries}
    for where, entry, line in entries:
        names = entry.get("names") if isinstance(entry, dict) else None
        if not isinstance(names, list):
            continue
        overriding = line is not None and "override" in line.comment
        for name in names:
            if not isinstance(name, str):
                continue
            if name in seen:
                if overriding:
                    report.notes.append(f"{where}: '{name}' overrides {seen[name]}")
                else:
                    problems_of[id(entry)].append(
                        f"'{name}' is already modelled at {seen[name]}; the loader keeps only "
                        f"the last one (mark an intended override with '# override' on the "
                        f"names line)")
            else:
                seen[name] = where
            if "*" in name:
                patterns.append((name, where, id(entry)))
    for pattern, where, owner in patterns:
        regex = pattern_regex(pattern)
        for name, name_where in seen.items():
            if "*" not in name and regex.match(name):
                owner_of_name = next(id(e) for w, e, _ in entries if w == name_where)
                if owner_of_name != owner:
                    report.notes.append(f"{name_where}: exact '{name}' refines pattern "
                                        f"'{pattern}' of {where}")

    for where, entry, _ in entries:
        problems = problems_of[id(entry)]
        if problems:
            report.failed += 1
            label = entry["names"][0] if isinstance(entry, dict) and isinstance(
                entry.get("names"), list) and entry["names"] else "<no names>"
            for problem in problems:
                report.fail(f"{where} ({label})", problem)
        else:
            report.passed += 1
    if not quiet:
        for note in report.notes:
            print(f"note: {note}")
    print(f"{report.passed} passed, {report.failed} failed")
    return report.failed == 0


def model_paths(arguments):
    if not arguments:
        here = os.path.dirname(os.path.abspath(__file__))
        arguments = [os.path.join(here, "..", "..", "models")]
    paths = []
    for argument in arguments:
        if os.path.isdir(argument):
            paths += sorted(os.path.join(argument, f) for f in os.listdir(argument)
                            if f.endswith(".yaml"))
        else:
            paths.append(argument)
    return [os.path.normpath(p) for p in paths]


# --- Self-test: the validator rejects what it must ---------------------------------------------

SELF_TEST_CASES = [
    ("good", "functions:\n  - names: [read]\n    io: file\n", True),
    ("nested block mapping",
     "functions:\n  - names: [recv]\n    io: net\n    nonblocking_if:\n      flag_arg: 3\n"
     "      flags: [MSG_DONTWAIT]\n", True),
    ("unknown key", "functions:\n  - names: [read]\n    io: file\n    speed: fast\n", False),
    ("bad vocabulary", "functions:\n  - names: [read]\n    io: disk\n", False),
    ("no effect", "functions:\n  - names: [read]\n", False),
    ("atomic false is no effect", "functions:\n  - names: [read]\n    atomic: false\n", False),
    ("no names", "functions:\n  - io: file\n", False),
    ("this on a C function", "functions:\n  - names: [pthread_mutex_lock]\n    lock: acquire\n", False),
    ("template arguments", "functions:\n  - names: [\"std::vector<int>::push_back\"]\n"
                           "    container: write\n", False),
    ("duplicate across entries",
     "functions:\n  - names: [read]\n    io: file\n  - names: [read]\n    io: net\n", False),
    ("marked override",
     "functions:\n  - names: [read]\n    io: file\n  - names: [read]  # override: sockets\n"
     "    io: net\n", True),
    ("mt_unsafe without alternative", "functions:\n  - names: [strtok]\n    mt_unsafe: \"bad\"\n",
     False),
    ("args and args_from",
     "functions:\n  - names: [std::thread::thread]\n    thread_entry: {callable: 0, args: [1], "
     "args_from: 1}\n", False),
    ("YAML 1.1 boolean word", "functions:\n  - names: [read]\n    io: on\n", False),
    ("unclosed flow", "functions:\n  - names: [read\n    io: file\n", False),
]


def self_test():
    import tempfile  # noqa: PLC0415
    failures = 0
    for label, text, should_pass in SELF_TEST_CASES:
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "case.yaml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            devnull = open(os.devnull, "w", encoding="utf-8")
            saved, sys.stdout = sys.stdout, devnull
            try:
                passed = check_files([path], quiet=True)
            finally:
                sys.stdout = saved
                devnull.close()
        if passed != should_pass:
            failures += 1
            print(f"FAIL self-test '{label}': expected {'pass' if should_pass else 'failure'}")
    print(f"{len(SELF_TEST_CASES) - failures} passed, {failures} failed")
    return failures == 0


def main(argv):
    arguments = [a for a in argv if not a.startswith("--")]
    options = {a for a in argv if a.startswith("--")}
    unknown = options - {"--quiet", "--self-test"}
    if unknown:
        print(f"check_models.py: unknown option {sorted(unknown)[0]}", file=sys.stderr)
        return 2
    if "--self-test" in options:
        return 0 if self_test() else 1
    return 0 if check_files(model_paths(arguments), quiet="--quiet" in options) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
