/**
 * The final score of each application in review on a call without a published decision
 * (bindings: the call id; a JSON object mapping each form version id to the text[] path
 * of its declared requested amount, e.g. {"12": "{funding,amount_requested}"}; the call
 * id again): the consensus of the latest session item decided on it, else its normalized
 * aggregate; ordered the way `rank` (ranking.ts) orders. `requested` is the submitted
 * money answer, integer centimes as text (NULL when the version declares none). Rows stay
 * narrow (the amount asked, not the answers) so that 100 000 of them sort in memory.
 * Plain text with no import, so that bench/ranking.js measures this very statement.
 */
export const RANKING_SQL = `
  WITH consensus AS (
    SELECT DISTINCT ON (si.application_id) si.application_id, si.consensus_score
    FROM session_items si
    JOIN committee_sessions s ON s.id = si.session_id
    WHERE s.call_id = ? AND si.decided_at IS NOT NULL
    ORDER BY si.application_id, si.decided_at DESC, si.id DESC
  )
  SELECT a.id, a.reference, a.submitted_at, a.submitted_answers #>> (?::jsonb ->> a.form_version_id::text)::text[] AS requested,
    ra.mean_score, ra.normalized_score, ra.disagreement, c.consensus_score,
    COALESCE(c.consensus_score, ra.normalized_score) AS final_score
  FROM applications a
  JOIN review_aggregates ra ON ra.application_id = a.id
  LEFT JOIN consensus c ON c.application_id = a.id
  WHERE a.call_id = ? AND a.state = 'in_review'
    AND NOT EXISTS (SELECT 1 FROM decisions d
      WHERE d.application_id = a.id AND d.published_at IS NOT NULL)
  ORDER BY final_score DESC, ra.mean_score DESC, a.submitted_at ASC, a.id ASC`
