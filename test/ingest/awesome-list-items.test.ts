// One awesome-list item read from its Markdown: links and badges, identifiers, a clean title, the
// venue and year it states.
import { describe, expect, it } from "vitest";
import {
  cleanTitle,
  readByline,
  readItem,
  readShieldsBadge,
  readVenueTag,
} from "../../src/ingest/awesome-list-items.ts";

describe("readVenueTag", () => {
  const cases: Array<{ tag: string; expected: ReturnType<typeof readVenueTag> }> = [
    { tag: "NeurIPS 2023", expected: { venue: "NeurIPS 2023", year: 2023 } },
    { tag: "[Nature Medicine 2023]", expected: { venue: "Nature Medicine 2023", year: 2023 } },
    { tag: "(NeurIPS'23)", expected: { venue: "NeurIPS 2023", year: 2023 } },
    { tag: "ACL 2024 Findings", expected: { venue: "ACL Findings 2024", year: 2024 } },
    { tag: "Accepted by ICLR 2024", expected: { venue: "ICLR 2024", year: 2024 } },
    { tag: "Bioinformatics", expected: { venue: "Bioinformatics" } },
    { tag: "MedInfo 2023", expected: { venue: "MedInfo 2023", year: 2023 } },
    { tag: "arXiv 2023", expected: { year: 2023 } },
    { tag: "2022", expected: { year: 2022 } },
    { tag: "2023/05", expected: { year: 2023 } },
    // A year with its month after a comma, or two dates: the first year counts.
    { tag: "Arxiv, 2023.4", expected: { year: 2023 } },
    { tag: "Nature, 2022.12", expected: { venue: "Nature 2022", year: 2022 } },
    { tag: "AAAI, 2024/2023.10", expected: { venue: "AAAI 2024", year: 2024 } },
    { tag: "Arxiv, 2022.7/2023.12", expected: { year: 2022 } },
    { tag: "LLaMA", expected: undefined },
    { tag: "Zhang et al. 2023", expected: undefined },
    { tag: "Paper", expected: undefined },
    { tag: "code", expected: undefined },
    { tag: "arXiv 2305.09617", expected: undefined },
    { tag: "Large Language Models in Cell Biology and Medicine", expected: undefined },
  ];
  for (const { tag, expected } of cases) {
    it(`reads ${JSON.stringify(tag)}`, () => {
      expect(readVenueTag(tag)).toEqual(expected);
    });
  }
});

describe("readShieldsBadge", () => {
  it.each([
    ["https://img.shields.io/badge/NeurIPS-2023-blue", { label: "NeurIPS", message: "2023" }],
    [
      "https://img.shields.io/badge/Nature_Medicine-2023-green.svg",
      { label: "Nature Medicine", message: "2023" },
    ],
    [
      "https://img.shields.io/badge/arXiv-2305.09617-b31b1b.svg",
      { label: "arXiv", message: "2305.09617" },
    ],
    [
      "https://img.shields.io/badge/ACL--Findings-2024-red",
      { label: "ACL-Findings", message: "2024" },
    ],
    ["https://img.shields.io/badge/NeurIPS%202023-blue", { label: "NeurIPS 2023" }],
    ["https://img.shields.io/github/stars/owner/repo", undefined],
  ])("%s", (url, expected) => {
    expect(readShieldsBadge(url)).toEqual(expected);
  });
});

describe("cleanTitle", () => {
  it.each([
    [
      "**Large Language Models Encode Clinical Knowledge.**",
      "Large Language Models Encode Clinical Knowledge",
    ],
    ["`Med-PaLM 2`: expert-level answers;", "Med-PaLM 2: expert-level answers"],
    ["Do We Still Need Clinical Language Models?", "Do We Still Need Clinical Language Models?"],
    ["“Quoted title” —", "Quoted title"],
    ["🔥 :star: Hot &amp; new title", "Hot & new title"],
  ])("%s", (input, expected) => {
    expect(cleanTitle(input)).toBe(expected);
  });
});

describe("readItem", () => {
  const cases: Array<{
    name: string;
    item: string;
    title?: string;
    ids: Record<string, string>;
    venue?: string;
    year?: number;
    urls: string[];
  }> = [
    {
      name: "a title link with a trailing venue and year",
      item: "[Med-Flamingo: a Multimodal Medical Few-shot Learner](https://arxiv.org/abs/2307.15189v1) — ML4H, 2023",
      title: "Med-Flamingo: a Multimodal Medical Few-shot Learner",
      ids: { arxiv: "2307.15189" },
      venue: "ML4H",
      year: 2023,
      urls: ["https://arxiv.org/abs/2307.15189v1"],
    },
    {
      name: "a plain title followed by an arXiv badge",
      item: "Towards Expert-Level Medical Question Answering with Large Language Models [![arXiv](https://img.shields.io/badge/arXiv-2305.09617-b31b1b.svg)](https://arxiv.org/abs/2305.09617)",
      title: "Towards Expert-Level Medical Question Answering with Large Language Models",
      ids: { arxiv: "2305.09617" },
      urls: ["https://arxiv.org/abs/2305.09617"],
    },
    {
      name: "an inline HTML anchor around a badge image, and a venue badge",
      item: 'MEDITRON-70B: Scaling Medical Pretraining for Large Language Models <a href="https://arxiv.org/abs/2311.16079"><img src="https://img.shields.io/badge/arXiv-2311.16079-b31b1b.svg"></a> <img src="https://img.shields.io/badge/EMNLP-2099-blue" alt="venue">',
      title: "MEDITRON-70B: Scaling Medical Pretraining for Large Language Models",
      ids: { arxiv: "2311.16079" },
      venue: "EMNLP 2099",
      year: 2099,
      urls: ["https://arxiv.org/abs/2311.16079"],
    },
    {
      name: "a title in bold, [[paper]](…) and [[code]](…) links",
      item: "[**arXiv 2023**] **PMC-LLaMA: Towards Building Open-source Language Models for Medicine**. [[paper]](https://arxiv.org/abs/2304.14454) [[code]](https://github.com/chaoyi-wu/PMC-LLaMA)",
      title: "PMC-LLaMA: Towards Building Open-source Language Models for Medicine",
      ids: { arxiv: "2304.14454" },
      year: 2023,
      urls: ["https://arxiv.org/abs/2304.14454", "https://github.com/chaoyi-wu/PMC-LLaMA"],
    },
    {
      name: "a DOI with parentheses inside the link",
      item: "An Invented Lancet Study. [[paper]](https://doi.org/10.5555/S0000-0000(23)00001-X)",
      title: "An Invented Lancet Study",
      ids: { doi: "10.5555/s0000-0000(23)00001-x" },
      urls: ["https://doi.org/10.5555/S0000-0000(23)00001-X"],
    },
    {
      name: "an ACL Anthology PDF link and an OpenReview forum link",
      item: "Imaginary Reports [pdf](https://aclanthology.org/2023.Fictional-Short.12.pdf) [OpenReview](https://openreview.net/forum?id=FiCtIoNaL01)",
      title: "Imaginary Reports",
      ids: { acl: "2023.fictional-short.12", openreview: "FiCtIoNaL01" },
      urls: [
        "https://aclanthology.org/2023.Fictional-Short.12.pdf",
        "https://openreview.net/forum?id=FiCtIoNaL01",
      ],
    },
    {
      name: "a bare arXiv id in the text",
      item: "ChatDoctor: A Medical Chat Model Fine-Tuned on a Large Language Model Meta-AI (LLaMA) Using Medical Domain Knowledge (arXiv:2303.14070)",
      title:
        "ChatDoctor: A Medical Chat Model Fine-Tuned on a Large Language Model Meta-AI (LLaMA) Using Medical Domain Knowledge",
      ids: { arxiv: "2303.14070" },
      urls: [],
    },
  ];
  for (const { name, item, title, ids, venue, year, urls } of cases) {
    it(`reads ${name}`, () => {
      const fields = readItem(item);
      expect(fields.title).toBe(title);
      expect(fields.ids).toEqual(ids);
      expect(fields.venue).toBe(venue);
      expect(fields.year).toBe(year);
      expect(fields.urls).toEqual(urls);
      expect(fields.hasPaperLink).toBe(true);
    });
  }

  it("finds no paper in an item that links only to code, a profile and a badge", () => {
    const fields = readItem(
      "[MedAlpaca](https://github.com/kbressem/medAlpaca) by [@someone](https://github.com/someone) ![stars](https://img.shields.io/github/stars/kbressem/medAlpaca)",
    );
    expect(fields.hasPaperLink).toBe(false);
    expect(fields.urls).toEqual(["https://github.com/kbressem/medAlpaca"]);
  });

  it("treats a link labelled [paper] on an unknown host as a paper link", () => {
    const fields = readItem("Some Invented Report [paper](https://example.org/report)");
    expect(fields.hasPaperLink).toBe(true);
    expect(fields.title).toBe("Some Invented Report");
  });
});

describe("readByline", () => {
  it.each([
    {
      text: "Okafor N et al. · *Journal of Made-up Medicine* · 2024-03-05",
      expected: {
        authors: ["Okafor N"],
        venue: "Journal of Made-up Medicine",
        date: "2024-03-05",
        year: 2024,
      },
    },
    {
      text: " · *The Imaginary Lancet of Toys* · 2023-11-20",
      expected: {
        authors: [],
        venue: "The Imaginary Lancet of Toys",
        date: "2023-11-20",
        year: 2023,
      },
    },
    {
      text: "| Ana Ruiz, Bo Chen and Carl Diaz | Fictional Reports | 2022",
      expected: {
        authors: ["Ana Ruiz", "Bo Chen", "Carl Diaz"],
        venue: "Fictional Reports",
        year: 2022,
      },
    },
    {
      text: "– Lee K, Park J – Pretend Letters – 2021/07",
      expected: {
        authors: ["Lee K", "Park J"],
        venue: "Pretend Letters",
        date: "2021-07",
        year: 2021,
      },
    },
    {
      text: "McAllister DJ. et al. · *Toy Science* · 2022-01-09",
      expected: {
        authors: ["McAllister DJ"],
        venue: "Toy Science",
        date: "2022-01-09",
        year: 2022,
      },
    },
    {
      text: "Jane Roe (Toy University) et al. ACL.",
      expected: { authors: ["Jane Roe"], venue: "ACL" },
    },
    {
      text: "Moe K. Doe et al. arXiv.",
      expected: { authors: ["Moe K. Doe"] },
    },
  ])("reads $text", ({ text, expected }) => {
    expect(readByline(text)).toEqual(expected);
  });

  it.each(["a sentence about nothing", "Nature Medicine · NEJM AI", "ASR · Audio-Text"])(
    "finds no byline in %s (no date, nobody named)",
    (text) => {
      expect(readByline(text)).toEqual({ authors: [] });
    },
  );
});

describe("readItem: titles are never link words", () => {
  it("takes the bold title over link texts such as [data viewer] and [codes and platform]", () => {
    const item = readItem(
      "**ToyWorld: Benchmarking Pretend Agents.** *Toy Lab.* [[paper](https://arxiv.org/abs/2303.00003)] [[data viewer](https://example.org/x)] [[codes and platform](https://github.com/example/toy)]",
    );
    expect(item.title).toBe("ToyWorld: Benchmarking Pretend Agents");
    expect(item.ids.arxiv).toBe("2303.00003");
  });

  it("takes the bold title on the line above a line of links, and the venue on that line", () => {
    const item = readItem(
      "**ToyBench: An Evaluation of Nothing**\nNeurIPS 2025, [Paper](https://arxiv.org/pdf/2303.00005.pdf), [Eval Tool](https://github.com/example/t/blob/main/tool.zip)",
    );
    expect(item).toMatchObject({
      title: "ToyBench: An Evaluation of Nothing",
      venue: "NeurIPS 2025",
      year: 2025,
    });
  });

  it("takes the paper link's text over a short bold name", () => {
    const item = readItem(
      "**ToyLM**: [Teaching Invented Models to Read Pretend Books](https://arxiv.org/abs/2303.00009) [code](https://github.com/example/toylm)",
    );
    expect(item.title).toBe("Teaching Invented Models to Read Pretend Books");
  });

  it("reads a link text that wraps onto the next line", () => {
    const item = readItem(
      "**[Discovering Invented Molecules against\n   <i>Imaginary bacteria</i>](https://doi.org/10.5555/fake.9)**<br/>Roe P et al. · *Toy Medicine* · 2026-01-02",
    );
    expect(item).toMatchObject({
      title: "Discovering Invented Molecules against Imaginary bacteria",
      authors: ["Roe P"],
      venue: "Toy Medicine",
      date: "2026-01-02",
    });
  });
});

describe("readItem: a year written after the title", () => {
  it.each([
    [
      "Sleepy Transformers Revisited. 2020. [pdf](https://example.org/sleepy.pdf)",
      "Sleepy Transformers Revisited",
      2020,
    ],
    [
      "**Pretend Graphs of Pretend Papers. 2019.** [paper](https://arxiv.org/abs/1901.00008)",
      "Pretend Graphs of Pretend Papers",
      2019,
    ],
    [
      "[Toy Parsing at Scale for Invented Languages, 2018](https://arxiv.org/abs/1801.00001)",
      "Toy Parsing at Scale for Invented Languages",
      2018,
    ],
  ])("%s", (text, title, year) => {
    expect(readItem(text)).toMatchObject({ title, year });
  });

  it("keeps a year that is part of the title's words", () => {
    expect(
      readItem("[Findings of the Toy Shared Task 2021](https://arxiv.org/abs/2101.00002)").title,
    ).toBe("Findings of the Toy Shared Task 2021");
  });
});

describe("readItem: a short bold name that opens the title", () => {
  const cases: Array<{ item: string; title: string; venue?: string; year?: number }> = [
    {
      item: "* [**Arxiv, 2023.4**] **ToyNet**: A made-up model for imaginary tasks. [paper](https://arxiv.org/abs/2101.00021)",
      title: "ToyNet: A made-up model for imaginary tasks",
      year: 2023,
    },
    {
      item: "* [**Nature, 2022.12**] **ToyNet 2** Pretend language models answer imaginary questions [paper](https://arxiv.org/abs/2101.00022)",
      title: "Pretend language models answer imaginary questions",
      venue: "Nature 2022",
      year: 2022,
    },
    {
      item: "- **ToyAgent**: Teaching Imaginary Agents to Use 1000 Pretend Tools. *ICLR 2024* [[paper](https://arxiv.org/abs/2101.00023)]",
      title: "ToyAgent: Teaching Imaginary Agents to Use 1000 Pretend Tools",
      venue: "ICLR 2024",
      year: 2024,
    },
    // The link text is the title when there is one; a byline after the name is no title.
    {
      item: "- **ToyVL**: [Imaginary Visual Instruction Tuning](https://arxiv.org/abs/2101.00024)",
      title: "Imaginary Visual Instruction Tuning",
    },
    {
      item: "- **ToyVL** Jane Roe et al. · NeurIPS 2023 [paper](https://arxiv.org/abs/2101.00025)",
      title: "ToyVL",
      venue: "NeurIPS 2023",
      year: 2023,
    },
  ];
  for (const { item, title, venue, year } of cases) {
    it(`reads ${JSON.stringify(item.slice(0, 40))}…`, () => {
      const fields = readItem(item);
      expect({ title: fields.title, venue: fields.venue, year: fields.year }).toEqual({
        title,
        venue,
        year,
      });
    });
  }
});
