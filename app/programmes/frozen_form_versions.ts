import FormVersion from '#programmes/models/form_version'

/*
| A frozen form version never changes: the database refuses to rewrite its definition
| once an application was submitted on it (migration 1040's trigger), and nothing updates
| its other columns. The pages of submitted applications all show one of their call's few
| versions, so each process keeps the rows of the last frozen versions it read and makes
| the model from that copy instead of reading the same definition again on every request.
| A version still being edited is read each time. The kept row is deep-frozen: code that
| changed a shared definition in place would throw instead of leaking into other requests.
*/
const KEPT = 200
const frozenRows = new Map<number, Record<string, unknown>>()

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const item of Object.values(value)) deepFreeze(item)
  }
  return value
}

/** Form version `id` (null if there is none), from this process's copy once it is frozen. */
export async function formVersionById(id: number): Promise<FormVersion | null> {
  let row = frozenRows.get(id)
  if (!row) {
    ;[row] = await FormVersion.query().where('id', id).limit(1).pojo<Record<string, unknown>>()
    if (!row) return null
    if (row.frozen_at !== null) {
      if (frozenRows.size >= KEPT) frozenRows.delete(frozenRows.keys().next().value!)
      frozenRows.set(id, deepFreeze(row))
    }
  }
  return FormVersion.$createFromAdapterResult(row)
}
