import { Fragment } from 'preact';
import { sandboxPath, sim } from '../api/client.js';
import type { CalendarState, Clock, Duty, FeedEvent, Step, Timeline } from '../api/types.js';
import { ActionsPanel } from '../components/actions-panel.js';
import { DateOnly, Instant } from '../components/instant.js';
import { ProblemNote } from '../components/problem-note.js';
import { StateBadge } from '../components/state-badge.js';
import { StateName } from '../components/state-name.js';
import { TableScroll } from '../components/table-scroll.js';
import { dueDateOf, lastDayOf, TimelineChart } from '../components/timeline-chart.js';
import { useT, type Locale } from '../i18n/locale.js';
import { dayRuns } from '../lib/dates.js';
import { dutyStatus, dutyStep } from '../lib/duty-status.js';
import { limitText } from '../lib/limit-text.js';
import { stateNames } from '../lib/state-names.js';
import { href } from '../lib/route.js';
import { POLL_MS, useResource } from '../lib/use-resource.js';

async function loadTimeline(sandboxId: string, platform: string, objectType: string, objectId: string): Promise<{ timeline: Timeline; clock: Clock }> {
  const path = `/objects/${[platform, objectType, objectId].map(encodeURIComponent).join('/')}/timeline`;
  const [timeline, clock] = await Promise.all([sim<Timeline>('GET', sandboxPath(sandboxId, path)), sim<Clock>('GET', sandboxPath(sandboxId, '/clock'))]);
  return { timeline, clock };
}

/** One object's timeline: the steps on a working-day calendar, the step facts, the events in order, and the allowed actions. */
export function TimelineView({ sandboxId, platform, objectType, objectId }: { sandboxId: string; platform: string; objectType: string; objectId: string }) {
  const { t, pick, locale, platform: platformLabel, objectType: objectTypeLabel } = useT();
  const data = useResource(() => loadTimeline(sandboxId, platform, objectType, objectId), `timeline:${sandboxId}:${platform}:${objectType}:${objectId}`, POLL_MS);
  // The calendar lets the chart shade holidays also outside the spans a deadline counted; it changes only by a PUT, so it is not polled.
  const calendar = useResource(() => sim<CalendarState>('GET', sandboxPath(sandboxId, '/calendar')), `calendar:${sandboxId}`);
  // The timeline's route always exists: its 404 is the object or its sandbox gone (deleted while
  // the view was open, or mistyped in a link). What was read before is not shown with the note,
  // least of all the actions, which the mock would refuse.
  const timeline = data.problem?.status === 404 ? undefined : data.data?.timeline;
  const stateName = stateNames(timeline?.steps ?? [], pick);
  const duties = timeline?.duties ?? [];
  return (
    <>
      <p>
        <a href={href('s', sandboxId, 'objects', platform)}>← {t('timeline.back')}</a>
      </p>
      <h1>
        {t('timeline.title')}
        {t('app.colon')}
        {platformLabel(platform)} / {objectTypeLabel(objectType)} / <code>{objectId}</code>
      </h1>
      {timeline?.object.title && (
        <p class="object-title" data-testid="object-title">
          {timeline.object.title}
        </p>
      )}
      <ProblemNote problem={data.problem} />
      {timeline && data.data && (
        <>
          <p>
            {t('timeline.state')}
            {t('app.colon')}
            <StateBadge state={timeline.object.state} label={stateName(timeline.object.state)} overdue={timeline.steps.some((s) => s.leftAt === null && s.deadline?.overdue)} />
            <span data-testid="object-state" hidden>
              {timeline.object.state}
            </span>
            {timeline.object.terminal && ` ${t('timeline.terminal')}`}
          </p>
          <TimelineChart steps={[...timeline.steps, ...duties.map(dutyStep)]} today={data.data.clock.today} schedules={calendar.data?.schedules ?? []} />
          <StepTable steps={timeline.steps} today={data.data.clock.today} />
          {duties.length > 0 && <DutyTable duties={duties} events={timeline.events} today={data.data.clock.today} />}
          <div class="columns">
            <ActionsPanel sandboxId={sandboxId} timeline={timeline} />
            <EventList events={timeline.events} stateName={stateName} stepName={stepNames(timeline.steps, locale)} />
          </div>
        </>
      )}
    </>
  );
}

/**
 * The skipped and make-up days of a step's limit up to its last day, the span its counted days
 * cover: the answer lists them up to the due date (for the chart), which for a running step lies
 * ahead of the days counted so far.
 */
function daysSoFar(step: Step, today: string): { holidays: string[]; skipped: number; makeUps: string[] } {
  const last = lastDayOf(step, today);
  const skipped = step.deadline?.skippedDays.filter((s) => s.date <= last) ?? [];
  return {
    holidays: skipped.filter((s) => s.reason === 'holiday').map((s) => s.date),
    skipped: skipped.length,
    makeUps: step.deadline?.makeUpDays.filter((date) => date <= last) ?? [],
  };
}

function StepTable({ steps, today }: { steps: Step[]; today: string }) {
  const { t } = useT();
  // Named apart from the chart's box ("Timeline chart"): a screen reader lists both among the page's groups.
  return (
    <TableScroll label={t('timeline.steps')}>
      <table class="steps">
        <caption class="visually-hidden">{t('timeline.steps')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('objects.state')}</th>
            <th scope="col">{t('timeline.entered')}</th>
            <th scope="col">{t('timeline.left')}</th>
            <th scope="col">{t('timeline.due')}</th>
            <th scope="col">{t('timeline.limitHeader')}</th>
            <th scope="col">{t('timeline.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, i) => (
            <tr key={i} data-state={step.state} class={step.deadline?.overdue ? 'overdue-row' : undefined}>
              <th scope="row">
                <StateName state={step.state} label={step.label} />
              </th>
              <td>
                <Instant at={step.enteredAt} />
              </td>
              <td>
                <Instant at={step.leftAt} />
              </td>
              <DeadlineCells step={step} today={today} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A step's (or a duty's) due date, limit with the days counted and skipped so far, and rule: three cells. */
function DeadlineCells({ step, today }: { step: Step; today: string }) {
  const { t } = useT();
  const d = step.deadline;
  const { holidays, skipped, makeUps } = daysSoFar(step, today);
  return (
    <>
      <td data-testid={`due-${step.state}`}>
        {d ? (
          <>
            <DateOnly date={dueDateOf(d.dueAt)} />
            {d.overdue && <span class="badge overdue"> {t('objects.overdue')}</span>}
          </>
        ) : (
          t('timeline.noDeadline')
        )}
      </td>
      <td class="limit">
        {d ? (
          <>
            <code class="hint">{d.kind}</code> {limitText(d, skipped, t)}
            <DayList label={t('calendar.holiday')} dates={holidays} />
            <DayList label={t('calendar.makeup')} dates={makeUps} />
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{d?.rule ?? '—'}</td>
    </>
  );
}

/**
 * The object's periodic duties (an authorization's disclosure and ceiling-fee report): each
 * period laid out as a step's limit, where it stands, and the events that recorded it.
 */
function DutyTable({ duties, events, today }: { duties: Duty[]; events: FeedEvent[]; today: string }) {
  const { t, eventType } = useT();
  return (
    <TableScroll label={t('timeline.duties')}>
      <table class="steps">
        <caption class="visually-hidden">{t('timeline.duties')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timeline.duty')}</th>
            <th scope="col">{t('timeline.started')}</th>
            <th scope="col">{t('timeline.due')}</th>
            <th scope="col">{t('timeline.limitHeader')}</th>
            <th scope="col">{t('timeline.rule')}</th>
            <th scope="col">{t('timeline.dutyState')}</th>
            <th scope="col">{t('timeline.events')}</th>
          </tr>
        </thead>
        <tbody>
          {duties.map((duty) => (
            <tr key={duty.duty} data-duty={duty.duty} class={!duty.metAt && duty.deadline.overdue ? 'overdue-row' : undefined}>
              <th scope="row">
                <StateName state={duty.duty} label={duty.label} />
              </th>
              <td>
                <DateOnly date={duty.deadline.startedOn} />
              </td>
              <DeadlineCells step={dutyStep(duty)} today={today} />
              <td data-testid={`duty-${duty.duty}`}>{dutyStatus(duty, t).join(t('app.separator'))}</td>
              <td>
                {events
                  .filter((e) => duty.eventTypes.includes(e.event.type))
                  .map((e) => (
                    <div key={e.seq}>
                      <Instant at={e.event.at} /> {eventType(e.event.type)}
                    </div>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * Days a limit skipped or counted as make-up days, consecutive ones as one span (2025-10-01 –
 * 2025-10-08), each date kept whole: at a phone's width a week of holidays listed day by day,
 * each date broken at its hyphens, made the step table's rows a screen tall.
 */
function DayList({ label, dates }: { label: string; dates: string[] }) {
  const { t } = useT();
  if (dates.length === 0) return null;
  return (
    <div class="hint days">
      {label}
      {t('app.colon')}
      {dayRuns(dates).map(([first, last], i) => (
        <Fragment key={first}>
          {i > 0 && ', '}
          <span>{first}</span>
          {last !== first && (
            <>
              {' – '}
              <span>{last}</span>
            </>
          )}
        </Fragment>
      ))}
    </div>
  );
}

/**
 * Names the steps (the kinds of limit: `acceptance`, `review`…) of one object in the locale: in
 * Chinese the label of the state its timeline counted that limit in, else the step's id; in
 * English the id (as the step table's limits show it).
 */
function stepNames(steps: Step[], locale: Locale): (step: string) => string {
  const labels = new Map(locale === 'zh' ? steps.flatMap((s) => (s.deadline ? [[s.deadline.kind, s.label.zh] as const] : [])) : []);
  return (step) => labels.get(step) || step;
}

export function EventList({ events, stateName, stepName }: { events: FeedEvent[]; stateName: (state: string | null) => string; stepName: (step: string) => string }) {
  const { t, role, eventType } = useT();
  return (
    <section class="card" aria-labelledby="events-title">
      <h2 id="events-title">{t('timeline.events')}</h2>
      {events.length === 0 ? (
        <p>{t('events.empty')}</p>
      ) : (
        <ol class="events">
          {events.map((e) => (
            <li key={e.seq}>
              <Instant at={e.event.at} /> <strong data-type={e.event.type}>{eventType(e.event.type)}</strong> {stateName(e.event.from)} → {stateName(e.event.to)}
              <span class="hint"> · {role(e.event.actor.role)}</span>
              {e.event.reason && <div class="hint">{e.event.reason.text}</div>}
              {e.event.deadline && <div class="hint">{t('timeline.eventDue', { date: e.event.deadline.dueDate, step: stepName(e.event.deadline.step) })}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
