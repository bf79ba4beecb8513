export const policies = {
  ApplicationPolicy: () => import('#app/applications/policies/application_policy'),
  IdentityOrganizationPolicy: () => import('#app/identity/policies/organization_policy'),
}

