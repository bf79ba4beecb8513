import { SessionAttendanceSchema } from '#database/schema'

/** Who attended a committee session. */
export default class SessionAttendance extends SessionAttendanceSchema {}
