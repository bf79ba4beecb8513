export const policies = {
  IdentityOrganizationPolicy: () => import('#app/identity/policies/organization_policy'),
}

