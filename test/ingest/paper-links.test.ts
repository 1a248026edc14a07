// What a link points at: a paper by identifier, a publisher's page, code, or page furniture.
import { describe, expect, it } from "vitest";
import { classifyLink, normalizeAclId, readAclId } from "../../src/ingest/paper-links.ts";

describe("classifyLink", () => {
  it.each([
    ["https://arxiv.org/abs/2311.05112v7", "arxiv", "2311.05112"],
    ["https://arxiv.org/pdf/2305.09617.pdf", "arxiv", "2305.09617"],
    ["https://huggingface.co/papers/2305.09617", "arxiv", "2305.09617"],
    ["https://doi.org/10.48550/arXiv.2212.13138", "arxiv", "2212.13138"],
    ["https://doi.org/10.1038/s41586-023-06291-2", "doi", "10.1038/s41586-023-06291-2"],
    ["https://dl.acm.org/doi/10.5555/fictional.0001", "doi", "10.5555/fictional.0001"],
    ["https://aclanthology.org/2023.findings-emnlp.123/", "acl", "2023.findings-emnlp.123"],
    ["https://aclanthology.org/2023.findings-emnlp.123.pdf", "acl", "2023.findings-emnlp.123"],
    ["https://www.aclweb.org/anthology/p19-1001", "acl", "P19-1001"],
    ["https://pubmed.ncbi.nlm.nih.gov/99999901/", "pmid", "99999901"],
    ["https://www.ncbi.nlm.nih.gov/pubmed/99999902", "pmid", "99999902"],
    ["https://openreview.net/forum?id=FiCtIoNaL01&noteId=x", "openreview", "FiCtIoNaL01"],
    ["https://openreview.net/pdf?id=FiCtIoNaL01", "openreview", "FiCtIoNaL01"],
    ["https://www.nature.com/articles/s41591-000-00000-0", "paper", undefined],
    ["https://example.org/papers/report.pdf", "paper", undefined],
    ["https://aclanthology.org/volumes/2023.findings-emnlp/", "paper", undefined],
    ["https://github.com/AI-in-Health/MedLLMsPracticalGuide", "code", undefined],
    ["https://huggingface.co/datasets/example/data", "code", undefined],
    ["https://example-lab.github.io/project/", "other", undefined],
    ["https://github.com/owner/repo/graphs/contributors", "chrome", undefined],
    ["https://github.com/owner/repo/blob/main/LICENSE", "chrome", undefined],
    ["https://github.com/someone", "chrome", undefined],
    ["https://img.shields.io/badge/arXiv-2305.09617-b31b1b.svg", "chrome", undefined],
    ["https://api.star-history.com/svg?repos=a/b", "chrome", undefined],
    ["https://twitter.com/example", "chrome", undefined],
    ["https://example.org/banner.png", "chrome", undefined],
    ["#contents", "chrome", undefined],
    ["CONTRIBUTING.md", "chrome", undefined],
  ])("%s is %s", (url, kind, id) => {
    const link = classifyLink(url);
    expect(link.kind).toBe(kind);
    expect(link.id).toBe(id);
  });
});

describe("ACL Anthology ids", () => {
  it.each([
    ["2023.Findings-EMNLP.123", "2023.findings-emnlp.123"],
    ["p19-1001", "P19-1001"],
    ["2023.findings-emnlp.123.pdf", "2023.findings-emnlp.123"],
    ["2305.09617", undefined],
    ["findings-emnlp", undefined],
  ])("normalises %s", (input, expected) => {
    expect(normalizeAclId(input)).toBe(expected);
  });

  it("reads the id of a link and nothing from other hosts", () => {
    expect(readAclId("https://aclanthology.org/2024.findings-acl.33")).toBe("2024.findings-acl.33");
    expect(readAclId("https://example.org/2024.findings-acl.33")).toBeUndefined();
  });
});
