import { beforeAll, describe, expect, it } from 'vitest';
import { CONDITION_EVIDENCE, runUsageStory, STORY_START, type UsageStoryResult } from '../src/index.js';

describe('on-application open data: apply, two review clocks, grant, usage report (xiamen profile)', () => {
  let r: UsageStoryResult;
  const narration: string[] = [];
  beforeAll(async () => {
    r = await runUsageStory({ print: (line) => narration.push(line) });
  });

  it('applies with every element of 第二十三条 and evidence for each opening condition of the dataset', () => {
    expect(r.dataset.openingType).toBe('on_application');
    const submission = r.submitted.submission;
    expect(submission.applicant).toMatchObject({ kind: 'organization', name: '厦门信联征信服务有限公司' });
    expect(submission.datasetIds).toEqual([r.dataset.id]);
    expect(submission.scenario.name).toBe('中小企业融资信用评估');
    expect(submission).toMatchObject({ deliveryMethod: 'api', periodOfUse: { from: '2025-10-15', to: '2026-10-14' } });
    expect(submission.dataScope).toContain(r.dataset.title);
    expect(submission.securityMeasures.length).toBeGreaterThan(0);
    expect(submission.conditionEvidence.map((e) => e.condition)).toEqual(r.dataset.conditions.map((c) => c.kind));
    for (const e of submission.conditionEvidence) expect(e.text).toBe(CONDITION_EVIDENCE[e.condition]);
    expect(submission.conditionEvidence.map((e) => e.condition)).toContain('usage_feedback');
  });

  it('first clock: the initial review is due 3 WD after the application day', () => {
    expect(r.submitted.createdAt).toBe(STORY_START);
    expect(r.submitted).toMatchObject({
      state: 'initial_review',
      deadline: { step: 'initial_review', limit: 3, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-09-30', overdue: false },
    });
    expect(r.submitted.deadline?.basis).toContain('第二十三条');
  });

  it('second clock: 7 WD counted from the day the initial review passed, across the National Day holiday', () => {
    // Passed on Monday 09-29: 09-30, then 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14, 10-15.
    // One 10 WD clock from the application day would end on 10-16 instead.
    expect(r.inSubstantiveReview).toMatchObject({
      state: 'substantive_review',
      deadline: { step: 'substantive_review', limit: 7, unit: 'working_days', startTrigger: 'initial_review_passed', startedOn: '2025-09-29', dueDate: '2025-10-15', overdue: false },
    });
    const passed = r.application.events.find((e) => e.to === 'substantive_review');
    expect(passed).toMatchObject({ at: '2025-09-29T15:00:00+08:00', actor: { role: 'platform_operator' }, from: 'initial_review', deadline: r.inSubstantiveReview.deadline });
  });

  it('the authority approves within the second clock; the application holds the grant', () => {
    expect(r.application).toMatchObject({ state: 'approved', grantId: r.issued.id, deadline: null });
    expect(r.application.events.map((e) => e.to)).toEqual(['submitted', 'initial_review', 'substantive_review', 'approved']);
    const approval = r.application.events.at(-1);
    expect(approval).toMatchObject({ type: 'grant_issued', at: '2025-10-14T15:00:00+08:00', actor: { role: 'data_authority' } });
  });

  it('the grant carries the scope, scenario, conditions, delivery method, app key and validity', () => {
    expect(r.issued).toMatchObject({
      state: 'active',
      applicationId: r.application.id,
      datasetIds: [r.dataset.id],
      scope: r.submitted.submission.dataScope,
      scenario: r.submitted.submission.scenario,
      deliveryMethod: 'api',
      validFrom: '2025-10-15',
      validUntil: '2026-10-14',
    });
    expect(r.issued.appKey).toMatch(/^odk_/);
    expect(r.issued.conditions).toEqual(r.dataset.conditions.map((c) => c.kind));
    expect(r.issued.usageReportsDue).toEqual([{ periodEnd: '2026-01-12', dueDate: '2026-01-12', submitted: false, overdue: false }]);
  });

  it('the report falls due on the virtual clock: open the day before, due on 2026-01-12, not overdue when filed that day', () => {
    expect(r.beforeDue.at).toBe('2026-01-11T09:00:00+08:00');
    expect(r.beforeDue.usageReportsDue).toEqual([{ periodEnd: '2026-01-12', dueDate: '2026-01-12', submitted: false, overdue: false }]);
    expect(r.onDueDay.at.slice(0, 10)).toBe(r.onDueDay.usageReportsDue[0]?.dueDate);
    expect(r.report).toMatchObject({ grantId: r.issued.id, period: { from: '2025-10-15', to: '2026-01-12' }, withinScenario: true, submittedAt: '2026-01-12T09:00:00+08:00' });
  });

  it('after the report the first period is done on time; the next ends 90 calendar days on, Sunday 04-12, its report due Monday 04-13 (民法典 第二百零三条)', () => {
    expect(r.afterReport.usageReportsDue).toEqual([
      { periodEnd: '2026-01-12', dueDate: '2026-01-12', submitted: true, overdue: false },
      { periodEnd: '2026-04-12', dueDate: '2026-04-13', submitted: false, overdue: false },
    ]);
  });

  it('narrates each step and ends the timeline with the grant and the report', () => {
    expect(narration.join('\n')).toContain('report falls due today');
    expect(narration.join('\n')).toContain('next report due 2026-04-13');
    expect(r.timeline.map((e) => e.text).at(-1)).toContain('usage report for 2025-10-15 … 2026-01-12 filed (due 2026-01-12)');
  });
});
