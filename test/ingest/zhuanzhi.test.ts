// The 专知 adapter: abstract, translation, optional title; the site chrome yields nothing.
import { describe, expect, it } from "vitest";
import { parseZhuanzhi, sniffZhuanzhi } from "../../src/ingest/zhuanzhi.ts";
import { codesOf, readFixture, textDocument, toDocument } from "./_fixtures.ts";

const parseFixture = (name: string) => parseZhuanzhi(toDocument(readFixture(name)));

describe("zhuanzhi fixtures", () => {
  it("reads a title line, a two-paragraph abstract and a translation after 翻译：", () => {
    const parsed = parseFixture("zhuanzhi-title-and-translation.txt");
    expect(parsed.records).toHaveLength(1);
    const [record] = parsed.records;
    expect(record).toMatchObject({
      source: "zhuanzhi-title-and-translation.txt",
      format: "zhuanzhi",
      role: "main",
      line: 1,
      title: "PMC-LLaMA: Towards Building Open-source Language Models for Medicine",
      arxiv: "2304.14454",
      urls: ["https://github.com/chaoyi-wu/PMC-LLaMA"],
    });
    expect(record?.abstract?.split("\n\n")).toHaveLength(2);
    expect(record?.abstract?.startsWith("General-purpose language models know little")).toBe(true);
    expect(record?.abstractZh?.startsWith("通用语言模型缺乏医学知识。")).toBe(true);
    expect(record?.abstractZh?.endsWith("模型、权重与代码均已公开。")).toBe(true);
  });

  it("takes nothing from the chrome: no titles, links or arXiv ids listed there", () => {
    const [record] = parseFixture("zhuanzhi-title-and-translation.txt").records;
    const json = JSON.stringify(record);
    for (const noise of [
      "Focal Loss",
      "detectron2",
      "1512.03385",
      "Deep Residual",
      "Hierarchical Imitation",
      "国家自然科学基金",
      "专知会员服务",
      "下载",
    ]) {
      expect(json).not.toContain(noise);
    }
  });

  it("reads a page saved before its chrome, and says so", () => {
    const parsed = parseFixture("zhuanzhi-saved-before-chrome.txt");
    const [record] = parsed.records;
    expect(record?.title).toBeUndefined();
    expect(
      record?.abstract?.startsWith("LLaVA-Med adapts a general vision-language assistant"),
    ).toBe(true);
    expect(
      record?.abstractZh?.startsWith("LLaVA-Med 把通用的视觉语言助手迁移到生物医学领域。"),
    ).toBe(true);
    expect(record?.urls).toEqual(["https://github.com/microsoft/LLaVA-Med"]);
    expect(record).not.toHaveProperty("arxiv");
    expect(codesOf(parsed)).toContain("no-site-chrome");
  });

  it("reads a page saved before its translation: abstract only, identity from the repository link", () => {
    const parsed = parseFixture("zhuanzhi-abstract-only.txt");
    expect(parsed.records).toHaveLength(1);
    const [record] = parsed.records;
    expect(record?.title).toBeUndefined();
    expect(record?.abstractZh).toBeUndefined();
    expect(record?.abstract?.startsWith("ChatDoctor fine-tunes a LLaMA model")).toBe(true);
    expect(record?.urls).toEqual(["https://github.com/Kent0n-Li/ChatDoctor"]);
    expect(codesOf(parsed)).toEqual(expect.arrayContaining(["no-site-chrome", "no-translation"]));
  });

  it("takes a Chinese title line (《》 removed) and reads 暂无翻译 as no translation", () => {
    const parsed = parseFixture("zhuanzhi-chinese-title-no-translation.txt");
    const [record] = parsed.records;
    expect(record?.titleZh).toBe("华驼：用中文医学知识微调LLaMA模型");
    expect(record?.title).toBeUndefined();
    expect(record?.abstractZh).toBeUndefined();
    expect(record?.abstract?.startsWith("HuaTuo tunes a LLaMA model")).toBe(true);
    expect(record?.urls).toEqual(["https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese"]);
    expect(JSON.stringify(record)).not.toContain("Stabilizing Transformers");
    expect(codesOf(parsed)).toContain("no-translation");
  });
});

describe("zhuanzhi inline variations", () => {
  const cases: Array<{ name: string; text: string; title?: string }> = [
    {
      name: "a structured-abstract heading is not a title",
      text: "Background\nLanguage models are tried on clinical notes.\n\n翻译:暂无翻译\n\n下载",
    },
    {
      name: "a hard-wrapped abstract does not give its first line as title",
      text: "Large language models are now used to draft answers for\npatients, and this study asks how often those drafts are safe.\n\n下载",
    },
    {
      name: "a first line that ends like a sentence is not a title",
      text: "Models are evaluated on exam questions.\nThey do well.\n\n下载",
    },
    {
      name: "a short first line without a full stop is a title",
      text: "Large Language Models Encode Clinical Knowledge\nThe paper evaluates models on medical questions.\n\n下载",
      title: "Large Language Models Encode Clinical Knowledge",
    },
  ];
  for (const { name, text, title } of cases) {
    it(name, () => {
      const [record] = parseZhuanzhi(textDocument(text)).records;
      expect(record?.title).toBe(title);
      expect(record?.abstract).toBeDefined();
    });
  }

  it("keeps a DOI from the translation without the Chinese full stop after it", () => {
    const text =
      "An abstract in English about clinical notes.\n\n翻译:正式版本见10.1038/s41586-023-06291-2。\n\n相关内容\n10.1000/chrome-doi";
    const [record] = parseZhuanzhi(textDocument(text)).records;
    expect(record?.doi).toBe("10.1038/s41586-023-06291-2");
  });

  it("yields no record when the page starts with chrome", () => {
    const parsed = parseZhuanzhi(textDocument("相关内容\nFlowQA: something\n专知会员服务\n"));
    expect(parsed.records).toEqual([]);
    expect(codesOf(parsed)).toContain("no-abstract");
  });
});

describe("sniffZhuanzhi", () => {
  it("is confident on a page with 翻译 and chrome, and on one saved before the chrome", () => {
    for (const name of ["zhuanzhi-title-and-translation.txt", "zhuanzhi-saved-before-chrome.txt"]) {
      expect(sniffZhuanzhi(toDocument(readFixture(name)).text)).toBeGreaterThanOrEqual(0.5);
    }
  });

  it("is not confident on a Chinese digest page or a Markdown note", () => {
    for (const name of ["zh-digest-book-title-single-tag.txt", "text-note.md"]) {
      expect(sniffZhuanzhi(toDocument(readFixture(name)).text)).toBeLessThan(0.5);
    }
  });
});
