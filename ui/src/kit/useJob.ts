import { useEffect, useState } from "react";
import { toApiError } from "../api/invoke";
import { jobsApi } from "../api/jobs";
import type { JobStatus } from "../bindings/JobStatus";

const POLL_MS = 200;

/** Polls a job of any area until it finishes; `jobsApi.cancel` asks Rust to stop it (a write in progress rolls back). */
export function useJob(id: number | null, onFinished: (s: JobStatus) => void) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (id === null) return;
    let stop = false;
    const tick = async () => {
      if (stop) return;
      try {
        const s = await jobsApi.status(id);
        setStatus(s);
        if (s.finished) {
          onFinished(s);
          return;
        }
      } catch (e) {
        // Only the signed-in person may read the job: while the app is locked, wait for the
        // unlock and go on polling (the job itself carries on).
        if (toApiError(e).code === "session_locked") {
          window.setTimeout(tick, POLL_MS * 5);
          return;
        }
        onFinished({
          id,
          done: 0,
          total: 0,
          finished: true,
          cancelled: false,
          result: null,
          error: toApiError(e),
        });
        return;
      }
      window.setTimeout(tick, POLL_MS);
    };
    tick();
    return () => {
      stop = true;
    };
  }, [id, onFinished]);
  return status;
}
