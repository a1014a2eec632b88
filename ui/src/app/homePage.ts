import { lazyPage } from "./lazyPage";

// Home's chunk, apart from the other screens' declarations: the sign-in screens preload it
// without loading the list of every screen.
export const HomePage = lazyPage(() => import("../features/home/HomePage"), "HomePage");
