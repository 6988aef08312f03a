import { useState } from 'preact/hooks';
import { query, sandboxPath, sim } from '../api/client.js';
import type { AdvanceResult, CalendarState, Clock, FeedEvent, Problem } from '../api/types.js';
import { Instant } from '../components/instant.js';
import { useNotice } from '../components/notice.js';
import { ProblemNote } from '../components/problem-note.js';
import { YearCalendar } from '../components/year-calendar.js';
import { nameOf, useT } from '../i18n/locale.js';
import { localToInstant, shortInstant } from '../lib/dates.js';
import type { FeedPage } from '../lib/feed-tail.js';
import { href } from '../lib/route.js';
import { firedStateNames } from '../lib/state-names.js';
import { POLL_MS, problemOf, useResource, useRevision } from '../lib/use-resource.js';

type AdvanceKind = 'workingDays' | 'duration' | 'to';

/** The sandbox clock: now, advancing it three ways, what fired, and the year's working-day calendar. */
export function ClockView({ sandboxId }: { sandboxId: string }) {
  const { t } = useT();
  // Polled: a test or an SDK moves the clock too, and a realtime clock moves by itself.
  const clock = useResource(() => sim<Clock>('GET', sandboxPath(sandboxId, '/clock')), `clock:${sandboxId}`, POLL_MS);
  const [year, setYear] = useState<number>();
  const shownYear = year ?? (clock.data ? Number(clock.data.today.slice(0, 4)) : undefined);
  // The clock's route always exists: its 404 is the sandbox gone (deleted while the view was open,
  // or mistyped in a link), and the problem note says so; a clock read before is not shown with it.
  if (clock.problem?.status === 404) {
    return (
      <>
        <h1>{t('clock.title')}</h1>
        <ProblemNote problem={clock.problem} />
      </>
    );
  }
  return (
    <>
      <h1>{t('clock.title')}</h1>
      <ProblemNote problem={clock.problem} />
      {clock.data && (
        <dl class="facts big">
          <dt>{t('clock.now')}</dt>
          <dd>
            <Instant at={clock.data.now} testId="clock-now" />
          </dd>
          <dt>{t('clock.mode')}</dt>
          <dd>{nameOf(t, 'clock.mode', clock.data.mode)}</dd>
        </dl>
      )}
      <AdvanceForm sandboxId={sandboxId} />
      {shownYear !== undefined && clock.data && <CalendarYear sandboxId={sandboxId} year={shownYear} today={clock.data.today} onYear={setYear} />}
    </>
  );
}

/** Transitions an advance lists here: a year over thousands of objects fires tens of thousands (the feed has them all). */
const FIRED_SHOWN = 200;

function AdvanceForm({ sandboxId }: { sandboxId: string }) {
  const { t, eventType, pick } = useT();
  const { changed } = useRevision();
  const notice = useNotice();
  const [kind, setKind] = useState<AdvanceKind>('workingDays');
  const [problem, setProblem] = useState<Problem>();
  const [result, setResult] = useState<AdvanceResult & { events: FeedEvent[] }>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get('value') ?? '').trim();
    const by = kind === 'workingDays' ? { workingDays: Number(value) } : kind === 'duration' ? { duration: value } : { to: localToInstant(value) };
    const body = { ...by, firedLimit: FIRED_SHOWN };
    setProblem(undefined);
    // What the previous advance fired is not this one's: a failed advance fired nothing.
    setResult(undefined);
    try {
      const advanced = await sim<AdvanceResult>('POST', sandboxPath(sandboxId, '/clock/advance'), body);
      // The answer names the fired states by id; the feed's events from its cursor carry their
      // labels. Should that read fail, the advance is done all the same and the ids are shown.
      const feed = await sim<FeedPage>('GET', sandboxPath(sandboxId, `/events${query({ cursor: advanced.eventsCursor, limit: FIRED_SHOWN })}`)).catch(() => undefined);
      setResult({ ...advanced, events: feed?.items ?? [] });
      notice(`${t('clock.now')}: ${shortInstant(advanced.clock.now)}`);
      changed();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const stateName = firedStateNames(result?.events ?? [], pick);
  // Uncontrolled, each kind its own input (keyed): a controlled `value` would put back "1" over
  // what was typed whenever the view redraws, as it does at each poll of the clock.
  const input = {
    workingDays: <input key="workingDays" id="advance-value" name="value" type="number" min="1" max="2000" step="1" required defaultValue="1" />,
    duration: <input key="duration" id="advance-value" name="value" required pattern="P.+" placeholder="PT4H" />,
    to: <input key="to" id="advance-value" name="value" type="datetime-local" step="60" required />,
  }[kind];
  return (
    <form class="card" onSubmit={submit} aria-labelledby="advance-title">
      <h2 id="advance-title">{t('clock.advance')}</h2>
      <fieldset>
        <legend>{t('clock.by')}</legend>
        {(['workingDays', 'duration', 'to'] as const).map((k) => (
          <label key={k} class="inline">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(k === 'workingDays' ? 'clock.workingDays' : k === 'duration' ? 'clock.duration' : 'clock.to')}
          </label>
        ))}
      </fieldset>
      <label for="advance-value">{t(kind === 'workingDays' ? 'clock.workingDays' : kind === 'duration' ? 'clock.duration' : 'clock.to')}</label>
      {input}
      <ProblemNote problem={problem} action />
      <button type="submit" class="primary">
        {t('clock.submit')}
      </button>
      {result && (
        <section aria-labelledby="fired-title">
          <h3 id="fired-title">{t('clock.fired')}</h3>
          {result.fired.length === 0 ? (
            <p>{t('clock.noneFired')}</p>
          ) : (
            <>
              {result.firedTruncated && <p>{t('clock.firedTruncated', { count: result.firedCount, shown: result.fired.length })}</p>}
              <ul>
                {result.fired.map((f, i) => (
                  <li key={i}>
                    <Instant at={f.at} />{' '}
                    <a href={href('s', sandboxId, 'objects', f.platform, f.objectType, f.objectId)}>{f.objectId}</a> {eventType(f.type)}
                    {t('app.colon')}
                    {stateName(f, f.from)} → {stateName(f, f.to)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </form>
  );
}

function CalendarYear({ sandboxId, year, today, onYear }: { sandboxId: string; year: number; today: string; onYear: (year: number) => void }) {
  const { t } = useT();
  const calendar = useResource(() => sim<CalendarState>('GET', sandboxPath(sandboxId, '/calendar')), `calendar:${sandboxId}`);
  const schedule = calendar.data?.schedules.find((s) => s.year === year);
  return (
    <section class="card" aria-labelledby="calendar-title">
      <div class="toolbar">
        <h2 id="calendar-title">{t('calendar.title', { year })}</h2>
        <div class="row-actions">
          <button type="button" onClick={() => onYear(year - 1)} title={t('calendar.prev')}>
            ‹ {year - 1}
          </button>
          <button type="button" onClick={() => onYear(year + 1)} title={t('calendar.next')}>
            {year + 1} ›
          </button>
        </div>
      </div>
      <ProblemNote problem={calendar.problem} />
      {calendar.data && !schedule && <p>{t('calendar.unpublished')}</p>}
      {schedule && (
        <>
          <p class="hint">{schedule.source}</p>
          <YearCalendar year={year} schedule={schedule} today={today} />
        </>
      )}
    </section>
  );
}
