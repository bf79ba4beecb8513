import { test } from '@japa/runner'
import { declareLegacyRequestedAmount } from '#database/migrations/1091_declare_legacy_requested_amounts'
import { APPLICATION_FORMS } from '#database/forms/index'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { requestedAmountPath } from '#programmes/forms/requested_amount'
import type { FormDefinition } from '#programmes/forms/form_definition'

/** A demo form as it was written before the declaration existed. */
function undeclared(definition: FormDefinition): FormDefinition {
  return {
    sections: definition.sections.map((section) => ({
      ...section,
      fields: section.fields.map(({ requestedAmount: _flag, ...field }) => field),
    })),
  }
}

test.group('Migration 1091 / forms written before the requested amount was declared', () => {
  test('a legacy {$self} form declares the field the award used to read')
    .with(['startup_offer', 'vc_call'] as const)
    .run(({ assert }, kind) => {
      const legacy = undeclared(APPLICATION_FORMS[kind])
      assert.isNotEmpty(checkFormDefinition(legacy, kind), 'it could not open any more')
      const declared = declareLegacyRequestedAmount(legacy, kind)!
      assert.deepEqual(checkFormDefinition(declared, kind), [])
      assert.equal(
        requestedAmountPath(declared),
        kind === 'startup_offer' ? '{funding,amount_requested}' : '{terms,requested_commitment}'
      )
    })

  test('a form already declaring one, another kind or another shape is left alone', ({
    assert,
  }) => {
    assert.isNull(declareLegacyRequestedAmount(APPLICATION_FORMS.startup_offer, 'startup_offer'))
    assert.isNull(declareLegacyRequestedAmount(APPLICATION_FORMS.living_grant, 'living_grant'))
    const renamed = undeclared(APPLICATION_FORMS.vc_call)
    assert.isNull(declareLegacyRequestedAmount(renamed, 'startup_offer'))
  })
})
