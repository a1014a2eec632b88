import type { JobStatus } from "../bindings/JobStatus";
import { call } from "./invoke";

/** Long jobs of any area: their progress, result, and a way to stop them. */
export const jobsApi = {
  status: (id: number) => call<JobStatus>("job_status", { id }),
  cancel: (id: number) => call<void>("cancel_job", { id }),
};
