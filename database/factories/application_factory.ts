import Application from '#applications/models/application'
import type User from '#identity/models/user'
import type Call from '#programmes/models/call'
import type { FormAnswers } from '#programmes/forms/form_definition'

/** A person's draft on a call, with these answers saved as typed. */
export function draftOf(user: User, call: Call, answers: FormAnswers = {}) {
  return Application.create({
    callId: call.id,
    applicantId: user.id,
    state: 'draft',
    answers,
    title: user.fullName,
  })
}
