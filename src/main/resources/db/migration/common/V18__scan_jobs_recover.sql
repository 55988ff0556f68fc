-- Scheduled scans request recovery: when a node dies in the middle of one, another node runs it again at
-- once. Jobs stored before that was set get it here; new ones are stored with it.
update qrtz_job_details set requests_recovery = true
 where job_class_name = 'io.forestall.playbooks.jobs.ScanPlaybookJob';
