import { CalendarError, type YearSchedule } from '@gdx/calendar';
import { bodyObject, invalidField, sandboxOf, type SimRoute } from './sim-route.js';

/** The sandbox's working calendar: list years, add or replace a year. */
export const calendarRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/calendar', operationId: 'getCalendar', jsonBody: false,
    handler(ctx) {
      const { calendar } = sandboxOf(ctx);
      const years = calendar.years();
      return { status: 200, body: { years, schedules: years.map((year) => structuredClone(calendar.schedule(year))) } };
    },
  },
  {
    method: 'PUT', path: '/sandboxes/{sandboxId}/calendar/{year}', operationId: 'putCalendarYear', jsonBody: true,
    handler(ctx) {
      const year = Number(ctx.params.year);
      if (!/^\d{4}$/.test(ctx.params.year ?? '')) return invalidField(ctx, '/path/year', 'year must have four digits', '年份须为四位数字');
      const body = bodyObject(ctx);
      if (!body) return invalidField(ctx, '', 'the body must be a year schedule object', '请求体须为年度节假日安排对象');
      if (body.year !== undefined && body.year !== year) return invalidField(ctx, '/year', 'year must equal the year in the path', '请求体年份须与路径一致');
      const schedule = { ...body, year } as unknown as YearSchedule;
      try {
        sandboxOf(ctx).putCalendarYear(schedule);
      } catch (error) {
        if (error instanceof CalendarError) return invalidField(ctx, error.pointer ?? '', error.message, error.messages.zh);
        throw error;
      }
      return { status: 200, body: structuredClone(sandboxOf(ctx).calendar.schedule(year)) };
    },
  },
];
