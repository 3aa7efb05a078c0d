import { z } from "zod";
import { bountyRules } from "../rules";
import { idSchema } from "./post";

export const offerBountySchema = z.object({
  questionId: idSchema,
  amount: z.coerce
    .number({ error: "Enter a number of points." })
    .int("Enter a whole number of points.")
    .min(bountyRules.min, `A bounty is at least ${bountyRules.min} points.`)
    .max(bountyRules.max, `A bounty is at most ${bountyRules.max} points.`),
});

export const awardBountySchema = z.object({ bountyId: idSchema, answerId: idSchema });
