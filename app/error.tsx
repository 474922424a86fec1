"use client";

import { TryAgain, type TryAgainProps } from "@/components/errors/try-again";

export default function ErrorPage(props: TryAgainProps & { error: Error }) {
  return <TryAgain retry={props.retry} reset={props.reset} />;
}
