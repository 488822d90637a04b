-- A notification may tell of a self-assessment round (NotificationSent.selfAssessmentId) rather than a request or a
-- consultation.
alter table notification_view add column self_assessment_id varchar(64);
