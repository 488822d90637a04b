-- The timelines' rebuild empties timeline_request after timeline_entry; without an index on the foreign key, each
-- request deleted made PostgreSQL scan every entry (dead rows too), and the rebuild stalled for minutes.
create index timeline_entry_request_idx on timeline_entry (request_id);
