// Survey detection: titles that name the genre, abstracts that speak of themselves, and the many
// papers that only mention surveys, or run questionnaire surveys, which are not surveys.
import { describe, expect, it } from "vitest";
import { detectSurvey, isSurveyTitle } from "../../src/extract/survey-detect.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";
import { record } from "./_seed-records.ts";

interface Row {
  name: string;
  fields: Partial<PaperRecord>;
  survey: boolean;
  /** Words the evidence snippet must contain, when a survey. */
  evidence?: string;
}

const TITLE_ROWS: Row[] = [
  {
    name: "A Survey of …",
    fields: { title: "A Survey of Retrieval Methods for Clinical Language Models" },
    survey: true,
    evidence: "A Survey of Retrieval Methods",
  },
  {
    name: "…: A Review",
    fields: { title: "Language Models at the Bedside: A Review" },
    survey: true,
    evidence: "A Review",
  },
  {
    name: "systematic review",
    fields: { title: "Chatbots for Patient Education: A Systematic Review and Meta-Analysis" },
    survey: true,
  },
  {
    name: "scoping review, lower case",
    fields: { title: "large language models in radiology: a scoping review" },
    survey: true,
  },
  {
    name: "overview",
    fields: { title: "An Overview of Foundation Models for Pathology" },
    survey: true,
  },
  {
    name: "primer",
    fields: { title: "Transformers in Oncology: A Primer for Clinicians" },
    survey: true,
  },
  {
    name: "tutorial",
    fields: { title: "A Tutorial on Evaluating Medical Chatbots" },
    survey: true,
  },
  {
    name: "meta-analysis",
    fields: { title: "Diagnostic Accuracy of Chatbots: a meta-analysis" },
    survey: true,
  },
  {
    name: "Review of … after a colon",
    fields: { title: "Clinical NLP: Review of Recent Advances" },
    survey: true,
  },
  {
    name: "Chinese 综述",
    fields: { titleZh: "医学大模型的全面综述" },
    survey: true,
    evidence: "综述",
  },
  { name: "Chinese 综览", fields: { titleZh: "临床智能体综览" }, survey: true },
  { name: "Chinese 概述", fields: { titleZh: "多模态医学模型概述" }, survey: true },
  {
    name: "Chinese 研究进展",
    fields: { titleZh: "大语言模型在病理诊断中的研究进展" },
    survey: true,
  },
  {
    name: "a method paper",
    fields: { title: "Retrieval-Augmented Generation for Medication Questions" },
    survey: false,
  },
  {
    name: "peer review is a task, not a genre",
    fields: { title: "Automating Peer Review of Clinical Trial Reports" },
    survey: false,
  },
  {
    name: "reviewer is not review",
    fields: { title: "Reviewer Agents for Radiology Reports" },
    survey: false,
  },
  {
    name: "a questionnaire survey of physicians",
    fields: { title: "A National Survey of Physicians' Attitudes Toward Chatbots" },
    survey: false,
  },
  {
    name: "a survey study",
    fields: { title: "Trust in Medical AI: A Cross-Sectional Survey Study" },
    survey: false,
  },
  {
    name: "Chinese method title",
    fields: { titleZh: "面向中文医疗问答的检索增强方法" },
    survey: false,
  },
];

const ABSTRACT_ROWS: Row[] = [
  {
    name: "this survey …",
    fields: {
      abstract:
        "Language models spread fast in hospitals. In this survey, we organise the field by task. We close with open problems.",
    },
    survey: true,
    evidence: "In this survey, we organise the field by task.",
  },
  {
    name: "this comprehensive review …",
    fields: {
      abstract:
        "Clinicians ask how to use chatbots safely. This comprehensive review gathers the evidence so far.",
    },
    survey: true,
    evidence: "This comprehensive review gathers the evidence so far.",
  },
  {
    name: "we survey …",
    fields: { abstract: "We survey recent work on imaging assistants and sort it by modality." },
    survey: true,
  },
  {
    name: "this paper provides a comprehensive review",
    fields: {
      abstract:
        "Models now read notes and images. This paper provides a comprehensive review of how they are evaluated.",
    },
    survey: true,
    evidence: "This paper provides a comprehensive review",
  },
  {
    name: "this tutorial",
    fields: {
      summary: "This tutorial walks clinicians through prompting, evaluation and deployment.",
    },
    survey: true,
  },
  {
    name: "we conduct a systematic review",
    fields: {
      abstract:
        "Following PRISMA, we conduct a systematic review of 120 studies on diagnostic chatbots.",
    },
    survey: true,
  },
  {
    name: "Chinese 本综述",
    fields: { abstractZh: "大模型发展迅速。本综述梳理了其在临床中的应用与挑战。" },
    survey: true,
    evidence: "本综述梳理了其在临床中的应用与挑战。",
  },
  {
    name: "Chinese 本文系统回顾了",
    fields: { abstractZh: "本文系统回顾了医学大模型的训练方法与评测。" },
    survey: true,
  },
  {
    name: "a site tag 综述",
    fields: { tags: ["综述"] },
    survey: true,
    evidence: "综述",
  },
  {
    name: "mentions earlier surveys only",
    fields: {
      abstract:
        "Earlier surveys cover general models. Unlike those reviews, we propose a retrieval method for drug questions and test it on two datasets.",
    },
    survey: false,
  },
  {
    name: "says a review is missing",
    fields: {
      abstract: "A review of these systems is still missing, so we build a benchmark instead.",
    },
    survey: false,
  },
  {
    name: "reviews related work in passing",
    fields: {
      abstract: "We review related work briefly and then introduce a new agent for triage.",
    },
    survey: false,
  },
  {
    name: "a questionnaire survey in the abstract",
    fields: {
      abstract: "We conducted an online survey of 300 nurses; respondents were wary of chatbots.",
    },
    survey: false,
  },
  {
    name: "Chinese retrospective study (回顾性) is not a review",
    fields: { abstractZh: "本研究回顾性分析了200例患者的病历。" },
    survey: false,
  },
];

describe("detectSurvey", () => {
  for (const row of [...TITLE_ROWS, ...ABSTRACT_ROWS]) {
    it(`${row.survey ? "finds" : "rejects"}: ${row.name}`, () => {
      const finding = detectSurvey(record({ source: "doc.txt", ...row.fields }));
      expect(finding.isSurvey).toBe(row.survey);
      if (!row.survey) {
        expect(finding.evidence).toBeUndefined();
        return;
      }
      expect(finding.evidence?.source).toBe("doc.txt");
      if (row.evidence) expect(finding.evidence?.snippet).toContain(row.evidence);
    });
  }

  it("prefers the title's words to the abstract's", () => {
    const finding = detectSurvey(
      record({
        title: "Agents in Medicine: A Survey",
        abstract: "In this survey we sort agents by role.",
      }),
    );
    expect(finding.evidence?.snippet).toBe("Agents in Medicine: A Survey");
  });

  it("quotes the sentence, not the whole abstract", () => {
    const filler = "Models are studied in many settings and in many languages. ".repeat(8);
    const abstract = `${filler}This review maps the evidence on safety. ${filler}`;
    const finding = detectSurvey(record({ abstract }));
    expect(finding.evidence?.snippet).toBe("This review maps the evidence on safety.");
  });
});

describe("isSurveyTitle", () => {
  const rows: Array<[string, boolean]> = [
    ["Foundation Models in Medicine: A Survey", true],
    ["Benchmarking Retrieval-Augmented Generation for Medicine", false],
    ["A Review", true],
    ["Survey-Based Assessment of Chatbot Use Among Students", false],
  ];
  for (const [title, expected] of rows) {
    it(`${expected ? "accepts" : "rejects"} "${title}"`, () => {
      expect(isSurveyTitle(title)).toBe(expected);
    });
  }
});
