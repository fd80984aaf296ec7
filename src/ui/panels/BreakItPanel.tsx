import { DedupeControl } from "../controls/DedupeControl";
import { DualWriteControls } from "../controls/DualWriteControls";
import { FaultControls } from "../controls/FaultControls";
import { LogControls } from "../controls/LogControls";
import { NetworkControls } from "../controls/NetworkControls";
import { ScheduleList } from "../controls/ScheduleList";

export function BreakItPanel() {
  return (
    <section className="panel break-it" aria-labelledby="break-heading">
      <h2 id="break-heading">Break it live</h2>
      <FaultControls />
      <ScheduleList />
      <NetworkControls />
      <DedupeControl />
      <DualWriteControls />
      <LogControls />
    </section>
  );
}
