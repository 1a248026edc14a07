// Names printed on the terminal cannot carry escape sequences or fake log lines.
import { describe, expect, it } from "vitest";
import { escapeForTerminal } from "../../src/diagnostics.ts";

describe("escapeForTerminal", () => {
  it("shows escape sequences, newlines and bidi overrides as visible escapes", () => {
    expect(escapeForTerminal("a\u001b[31mred.txt")).toBe("a\\x1b[31mred.txt");
    expect(escapeForTerminal("x.txt\nskipped fake.txt: ok")).toBe("x.txt\\x0askipped fake.txt: ok");
    expect(escapeForTerminal("g\u202enp.exe")).toBe("g\\u{202e}np.exe");
  });

  it("keeps ordinary names, Chinese included, unchanged", () => {
    expect(escapeForTerminal("论文/笔记 1.md")).toBe("论文/笔记 1.md");
  });
});
