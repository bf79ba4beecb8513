export const policies = {
  ApplicationPolicy: () => import('#app/applications/policies/application_policy'),
  DisbursementsAgreementPolicy: () => import('#app/disbursements/policies/agreement_policy'),
  DisbursementsTranchePolicy: () => import('#app/disbursements/policies/tranche_policy'),
  IdentityOrganizationPolicy: () => import('#app/identity/policies/organization_policy'),
  ReportingRegisterOpenDataPolicy: () => import('#app/reporting/register/policies/open_data_policy'),
  ReviewsCommitteePolicy: () => import('#app/reviews/policies/committee_policy'),
  ReviewsDecisionPolicy: () => import('#app/reviews/policies/decision_policy'),
  ReviewPolicy: () => import('#app/reviews/policies/review_policy'),
  TrainingCertificatePolicy: () => import('#app/training/policies/certificate_policy'),
  TrainingCohortPolicy: () => import('#app/training/policies/cohort_policy'),
  TrainingCoursePolicy: () => import('#app/training/policies/course_policy'),
  TrainingEnrolmentPolicy: () => import('#app/training/policies/enrolment_policy'),
}

