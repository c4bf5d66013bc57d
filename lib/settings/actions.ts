"use server";

import { action } from "@/lib/actions/safe-action";
import { refreshEverything } from "@/lib/cache/refresh";
import { removeLogo, setLogo, updateSettings } from "./mutations";
import { logoUploadSchema, removeLogoSchema, settingsSchema } from "./schema";

// The header and footer of every public page show the settings: refresh them all.

export const updateSettingsAction = action({ name: "settings.update", roles: ["ADMIN"], schema: settingsSchema }, async (input, { user }) => {
  await updateSettings(input, user);
  await refreshEverything();
  return null;
});

export const uploadLogoAction = action({ name: "settings.logo", roles: ["ADMIN"], schema: logoUploadSchema }, async (file, { user }) => {
  const image = await setLogo(file, user);
  await refreshEverything();
  return { id: image.id, src: image.src };
});

export const removeLogoAction = action({ name: "settings.logo-remove", roles: ["ADMIN"], schema: removeLogoSchema }, async (_input, { user }) => {
  await removeLogo(user);
  await refreshEverything();
  return null;
});
