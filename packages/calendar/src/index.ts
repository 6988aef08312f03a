export { CalendarError, type CalendarErrorCode, type LocalizedMessage } from './calendar-error.js';
export { officialSchedules } from './data/index.js';
export {
  addDays,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isIsoDate,
  parseIsoDate,
  type DateParts,
  type IsoDate,
} from './iso-date.js';
export { addMonthsClamped } from './month-arithmetic.js';
export {
  endOfShanghaiDay,
  formatShanghaiInstant,
  shanghaiDate,
  startOfShanghaiDay,
  type FormatInstantOptions,
} from './shanghai-time.js';
export {
  WorkingCalendar,
  type DayKind,
  type EstimateOption,
  type HolidayExtension,
  type Period,
  type PeriodOptions,
} from './working-calendar.js';
export { validateYearSchedule, type ScheduledDay, type YearSchedule } from './year-schedule.js';
