-- The streaming read models (dashboards, timelines, notifications) now run in 4 segments, so that two nodes can share
-- them (axon.eventhandling.processors.*.initial-segment-count=4 applies only where no token exists yet). A ledger
-- that already kept them in one segment gets segments 1 to 3 as copies of segment 0's token, exactly what Axon's own
-- split of segment 0 into 0 and 1, then each of those into two, would store: every event of a request goes to one
-- segment, which starts where segment 0 stood. Claims are released so the first node to start claims afresh.
-- Run it with every node stopped (the upgrade starts one node of the new version first; Flyway's lock keeps a second
-- one waiting until it is done).
insert into token_entry (processor_name, segment, token, token_type, timestamp, owner)
select t.processor_name, s.segment, t.token, t.token_type, t.timestamp, null
from token_entry t
cross join (values (1), (2), (3)) as s (segment)
where t.processor_name in ('dashboards', 'timelines', 'notifications')
  and t.segment = 0
  and not exists (select from token_entry o where o.processor_name = t.processor_name and o.segment <> 0);

update token_entry set owner = null
where processor_name in ('dashboards', 'timelines', 'notifications');
