import i18nManager from '@adonisjs/i18n/services/main'
import type { RegisterWording } from '#reporting/register/three_sixty_giving'

/**
 * The register is published in French, the language of the administration's open data
 * (a 360Giving file holds one language); the pages around it speak the visitor's.
 */
export const REGISTER_LOCALE = 'fr'

export function registerWording(programmeKind: string): RegisterWording {
  const i18n = i18nManager.locale(REGISTER_LOCALE)
  return {
    grantTitle: (recipient) => i18n.t('open_data.register.grant_title', { recipient }),
    grantDescription: i18n.t(`open_data.register.grant_description.${programmeKind}`),
    individualsName: i18n.t('open_data.register.individuals_name'),
    individualsTitle: (count) => i18n.t('open_data.register.individuals_title', { count }),
    individualsDescription: (count) =>
      i18n.t('open_data.register.individuals_description', { count }),
    regionName: (region) => i18n.t(`regions.${region}`),
    kindName: i18n.t(`open_data.kinds.${programmeKind}`),
  }
}

export function releaseTitles(callTitle: string, sequence: number) {
  const i18n = i18nManager.locale(REGISTER_LOCALE)
  return {
    title: i18n.t('open_data.register.package_title', { call: callTitle, sequence }),
    description: i18n.t('open_data.register.package_description', { call: callTitle }),
  }
}
