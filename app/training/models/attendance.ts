import { AttendanceSchema } from '#database/schema'

/** Presence of an enrolled trainee at one session. */
export default class Attendance extends AttendanceSchema {}
